/**
 * Limits (src/model/limits.ts): a file, a body and a field each have a maximum size far above
 * any real plan's, refused with an error that names the limit; YAML aliases that expand beyond
 * a small budget are refused; and "did you mean" stays cheap however many references are wrong.
 */
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/model/limits.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { Suggester } from '../../src/model/suggest.ts';
import { checkTree, validTree, type Tree } from '../helpers/content-tree.ts';

const action = 'hampshire/actions/deliver-training.md';
const messages = (tree: Tree) => checkTree(tree).problems.map(formatProblem);

describe('sizes', () => {
  it('refuses a file larger than the limit, saying the limit', () => {
    const big = `${validTree()[action]}\n${'word '.repeat(limits.fileBytes / 5)}\n`;
    expect(messages({ ...validTree(), [action]: big })).toEqual([
      `error content/hampshire/actions/deliver-training.md\n    the file is ${Math.round(Buffer.byteLength(big) / 1024)} kB, more than the limit of ${limits.fileBytes / 1024} kB for one file\n    hint: split it into several items, or move long documents elsewhere and link to them`,
    ]);
  });

  it('refuses a body longer than the limit', () => {
    const long = validTree()[action].replace(
      'Deliver multi-agency training on **neglect**.\n',
      `${'x'.repeat(limits.bodyCharacters + 1)}\n`,
    );
    expect(messages({ ...validTree(), [action]: long })).toEqual([
      `error content/hampshire/actions/deliver-training.md:17\n    body: the text is ${limits.bodyCharacters + 2} characters long, more than the limit of ${limits.bodyCharacters}\n    hint: split it into several items, or move long documents elsewhere and link to them`,
    ]);
  });

  it('refuses a field value longer than the limit, naming the field', () => {
    const text = validTree()[action].replace('title: Deliver neglect training', `title: ${'t'.repeat(limits.fieldCharacters + 1)}`);
    expect(messages({ ...validTree(), [action]: text })).toEqual([
      `error content/hampshire/actions/deliver-training.md:2\n    title: the text is ${limits.fieldCharacters + 1} characters long, more than the limit of ${limits.fieldCharacters}\n    hint: put long text in the body of the file, below the frontmatter`,
    ]);
  });
});

describe('YAML aliases', () => {
  it('refuses frontmatter whose aliases expand beyond the budget ("billion laughs")', () => {
    const bomb = [
      '---',
      'title: Bomb',
      'order: 2',
      'objective: understand-neglect',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'outcomes: [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      '---',
      '',
    ].join('\n');
    expect(messages({ ...validTree(), 'hampshire/actions/bomb.md': bomb })).toEqual([
      `error content/hampshire/actions/bomb.md\n    the frontmatter expands to more than ${limits.frontmatterValues.toLocaleString('en-GB')} values through YAML aliases (*name)\n    hint: write each value out in full instead of repeating it with & and *`,
    ]);
  });

  it('accepts a small alias, as YAML allows', () => {
    const text = validTree()[action].replace('groups:\n  - training-sub-group', 'groups: &owners\n  - training-sub-group');
    expect(messages({ ...validTree(), [action]: text })).toEqual([]);
  });
});

describe('YAML nesting, size and characters', () => {
  const withFrontmatter = (lines: string) => validTree()[action].replace('status: in-progress\n', `status: in-progress\n${lines}\n`);

  it('refuses lists inside lists more than 100 deep, on the line they are written, however deep they go', () => {
    for (const depth of [101, 100_000]) {
      const text = withFrontmatter(`outcomes: ${'['.repeat(depth)}${']'.repeat(depth)}`);
      expect(messages({ ...validTree(), [action]: text })).toEqual([
        `error content/hampshire/actions/deliver-training.md:10\n    the frontmatter puts lists and groups of fields inside each other more than ${limits.frontmatterDepth} levels deep\n    hint: write it with fewer levels: a plan needs no more than a few`,
      ]);
    }
  });

  it('accepts lists as deep as the limit, leaving the schema to say what it expects', () => {
    const text = withFrontmatter(`outcomes: ${'['.repeat(limits.frontmatterDepth - 1)}${']'.repeat(limits.frontmatterDepth - 1)}`);
    const [problem] = checkTree({ ...validTree(), [action]: text }).problems;
    expect(problem).toMatchObject({ file: `content/${action}`, field: 'outcomes[0]' });
  });

  it('refuses a file of more fields than the budget within the size limit in seconds: each field is counted once, not compared with every other', () => {
    const fields = Array.from({ length: 70_000 }, (_, i) => `f${i}: v`).join('\n');
    const started = performance.now();
    expect(messages({ ...validTree(), [action]: withFrontmatter(fields) })).toEqual([
      `error content/hampshire/actions/deliver-training.md\n    the frontmatter holds more than ${limits.frontmatterValues.toLocaleString('en-GB')} values\n    hint: split it into several items, or move long documents elsewhere and link to them`,
    ]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('refuses a hundred thousand aliases of one value in seconds, each counted as a copy', () => {
    const aliases = `a: &a [x]\noutcomes: [${Array(100_000).fill('*a').join(',')}]`;
    const started = performance.now();
    expect(messages({ ...validTree(), [action]: withFrontmatter(aliases) })).toEqual([
      `error content/hampshire/actions/deliver-training.md\n    the frontmatter expands to more than ${limits.frontmatterValues.toLocaleString('en-GB')} values through YAML aliases (*name)\n    hint: write each value out in full instead of repeating it with & and *`,
    ]);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('refuses an invisible control character, naming it and its line', () => {
    const text = validTree()[action].replace('title: Deliver neglect training', 'title: Deliver neglect\u0007 training');
    expect(messages({ ...validTree(), [action]: text })).toEqual([
      'error content/hampshire/actions/deliver-training.md:2\n    the frontmatter is not valid YAML: it holds an invisible character YAML does not allow (U+0007)\n    hint: delete it; to keep it in a value, write it in double quotes as "\\u0007"',
    ]);
  });
});

describe('did you mean, with many wrong references', () => {
  it('does a bounded amount of work per wrong reference, however many candidates and mistakes there are', () => {
    const count = (candidates: number, mistakes: number) => {
      const suggester = new Suggester(Array.from({ length: candidates }, (_, i) => `group-number-${i}`));
      for (let i = 0; i < mistakes; i += 1) suggester.suggest(`grop-number-${i}`);
      return suggester.comparisons;
    };
    const few = count(5, 5) / 5;
    const many = count(5000, 5000) / 5000;
    expect(many).toBeLessThanOrEqual(Suggester.comparisonsPerLookup);
    expect(few).toBeLessThanOrEqual(Suggester.comparisonsPerLookup);
  });

  it('still finds the close one among thousands', () => {
    const suggester = new Suggester([...Array.from({ length: 5000 }, (_, i) => `action-${i}`), 'training-sub-group']);
    expect(suggester.suggest('training-subgroup')).toBe('training-sub-group');
    expect(suggester.suggest('action-4999x')).toBe('action-4999');
  });
});
