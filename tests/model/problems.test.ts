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

  it('shows control characters from file names and values escaped, so they cannot recolour, link or overwrite the terminal', () => {
    const text = formatProblem({
      file: 'content/hampshire/actions/\u001b[31mevil.md',
      line: 2,
      field: 'status',
      message: 'unknown status "\u001b]8;;https://evil.example/\u0007Click\u001b]8;;\u0007\rall good\u0000"',
      hint: 'tab\there\nnew line \u009b2J \u007f \u202eevil\u202c',
    });
    // Only the line breaks formatProblem puts in itself.
    expect(text.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    expect(text).toMatchInlineSnapshot(`
      "error content/hampshire/actions/\\x1b[31mevil.md:2
          status: unknown status "\\x1b]8;;https://evil.example/\\x07Click\\x1b]8;;\\x07\\rall good\\x00"
          hint: tab\\there\\nnew line \\x9b2J \\x7f \\u202eevil\\u202c"
    `);
  });
});
