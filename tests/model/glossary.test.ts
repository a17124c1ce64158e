/**
 * A partnership's glossary entries (`glossary:` in partnership.md, schemas/glossary.ts): a bad
 * or repeated entry is reported with its file, line, field and a hint, like any other field.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, validTree, where } from '../helpers/content-tree.ts';

const file = 'hampshire/partnership.md';

/** The valid tree with these lines added to the end of partnership.md's frontmatter. */
function withGlossary(lines: string) {
  const tree = validTree();
  const text = tree[file];
  const close = text.indexOf('\n---', 4);
  return { ...tree, [file]: `${text.slice(0, close)}\n${lines}${text.slice(close)}` };
}

const line = (tree: Record<string, string>, text: string) => tree[file].split('\n').findIndex((l) => l.includes(text)) + 1;

describe('glossary entries', () => {
  it('accepts entries, with other forms and related topics', () => {
    const tree = withGlossary(
      'glossary:\n  - term: HIPS\n    meaning: Hampshire, Isle of Wight, Portsmouth and Southampton\n    also: [HIPS LSCPs]\n',
    );
    expect(checkTree(tree).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('reports a term that is not an abbreviation, at its line, with a hint', () => {
    const tree = withGlossary('glossary:\n  - term: child sexual abuse\n    meaning: CSA\n');
    const [problem] = checkTree(tree).problems;
    expect(where(problem)).toEqual({ file: `content/${file}`, line: line(tree, 'term: child'), field: 'glossary[0].term' });
    expect(formatProblem(problem)).toContain('expected an abbreviation: one word of up to 12 letters');
    expect(problem.hint).toBe('write the short form in `term` and what it stands for in `meaning`');
  });

  it('reports a term given twice, at the second', () => {
    const tree = withGlossary(
      'glossary:\n  - term: CSE\n    meaning: child sexual exploitation\n  - term: CSE\n    meaning: something else\n',
    );
    const [problem] = checkTree(tree).problems;
    const second = tree[file].split('\n').findLastIndex((l) => l.includes('term: CSE')) + 1;
    expect(where(problem)).toEqual({ file: `content/${file}`, line: second, field: 'glossary[1].term' });
    expect(problem.message).toBe('"CSE" is already in the glossary (entry 1)');
    expect(problem.hint).toContain('put other ways of writing it in `also`');
  });

  it('reports a missing meaning and a misspelt field name', () => {
    const tree = withGlossary('glossary:\n  - term: CSE\n    meening: child sexual exploitation\n');
    const problems = checkTree(tree).problems.map(formatProblem).join('\n');
    expect(problems).toContain('glossary[0].meaning: required field is missing: expected text');
    expect(problems).toContain('glossary[0].meening: unknown field "meening"; did you mean "meaning"?');
  });
});
