/**
 * A partnership's vocabulary entries (`vocabulary:` in partnership.md, schemas/vocabulary.ts): a
 * bad or repeated entry is reported with its file, line, field and a hint, like any other field.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, validTree, where } from '../helpers/content-tree.ts';

const file = 'hampshire/partnership.md';

/** The valid tree with these lines added to the end of partnership.md's frontmatter. */
function withVocabulary(lines: string) {
  const tree = validTree();
  const text = tree[file];
  const close = text.indexOf('\n---', 4);
  return { ...tree, [file]: `${text.slice(0, close)}\n${lines}${text.slice(close)}` };
}

const line = (tree: Record<string, string>, text: string) => tree[file].split('\n').findIndex((l) => l.includes(text)) + 1;
const errors = (tree: Record<string, string>) => checkTree(tree).problems.filter((p) => p.severity !== 'warning');

describe('vocabulary entries', () => {
  it("accepts readers' words with the plan's words they find", () => {
    const tree = withVocabulary('vocabulary:\n  - words: [school run, walking bus]\n    finds: [travel to school]\n');
    expect(errors(tree)).toEqual([]);
  });

  it('reports a word given in two entries, at the second, with a hint', () => {
    const tree = withVocabulary(
      'vocabulary:\n  - words: [gangs]\n    finds: [criminal exploitation]\n  - words: [knife crime, Gangs]\n    finds: [serious violence]\n',
    );
    const [problem] = errors(tree);
    expect(where(problem)).toEqual({ file: `content/${file}`, line: line(tree, 'knife crime'), field: 'vocabulary[1].words[1]' });
    expect(problem.message).toBe('"Gangs" is already in the vocabulary (entry 1)');
    expect(problem.hint).toContain("list there all the plan's words it should find");
  });

  it('reports an entry with nothing to find, a word with no letters, and a misspelt field name', () => {
    const tree = withVocabulary('vocabulary:\n  - words: [gangs]\n    finds: []\n  - words: ["--"]\n    find: [neglect]\n');
    const problems = errors(tree).map(formatProblem).join('\n');
    expect(problems).toContain('vocabulary[0].finds');
    expect(problems).toContain('vocabulary[1].words[0]: expected a word or a phrase with letters or digits');
    expect(problems).toContain('vocabulary[1].find: unknown field "find"; did you mean "finds"?');
  });
});
