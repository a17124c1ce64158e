/** How a problem is printed (src/model/problems.ts). */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';

describe('formatProblem', () => {
  it('prints file:line, field, message and hint', () => {
    expect(formatProblem({ file: 'content/a.md', line: 4, field: 'groups[0]', message: 'unknown group "x"', hint: 'add it' }))
      .toMatchInlineSnapshot(`
        "error content/a.md:4
            groups[0]: unknown group "x"
            hint: add it"
      `);
  });

  it('leaves out what it does not know', () => {
    expect(formatProblem({ file: 'content/hampshire', message: 'no partnership.md' })).toMatchInlineSnapshot(`
      "error content/hampshire
          no partnership.md"
    `);
  });

  it('labels warnings', () => {
    expect(formatProblem({ file: 'a.md', message: 'old', severity: 'warning' })).toMatch(/^warning a\.md\n/);
  });
});
