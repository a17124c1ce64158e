/**
 * The starter files `new` and `init` write publish nothing of their notes: an earlier one quoted
 * "-->" inside its own comment, which closed it there and put the rest of the note on the About
 * page, the plan page and plan.json. And the check refuses any comment that ends early like that.
 */
import { describe, expect, it } from 'vitest';
import { contentTypeNames } from '../../schemas/index.ts';
import { templateFor } from '../../src/authoring/templates.ts';
import { parseSource } from '../../src/model/load.ts';
import { publishedMarkdown } from '../../schemas/values/markdown-source.ts';
import { checkTree, md, validTree } from '../helpers/content-tree.ts';

describe('starter files', () => {
  for (const type of contentTypeNames) {
    it(`publish none of the ${type} file's notes`, () => {
      const text = templateFor(type, { title: 'A title', groups: [], years: [], period: '2024-2027', plan: 'p', priority: 'x' });
      const { body, error } = parseSource(text);
      expect(error).toBeUndefined();
      const published = publishedMarkdown(body);
      expect(published.problems).toEqual([]);
      expect(published.text.trim()).toBe('');
    });
  }
});

describe('a comment that ends early', () => {
  it('is refused, quoting what would be published, on the line it starts', () => {
    const tree = validTree();
    tree['hampshire/partnership.md'] = tree['hampshire/partnership.md'].replace(
      "The partnership's introduction.",
      md`
        <!--
        Introduce the partnership here.
        Text between "<!--" and "-->" is a note to yourself: it is never published.
        -->
        The partnership's introduction.
      `,
    );
    const { problems } = checkTree(tree);
    expect(problems.map((p) => [p.file, p.field])).toEqual([['content/hampshire/partnership.md', 'body']]);
    expect(problems[0].message).toContain('a comment ends early: "" is a note to yourself: it is never published. -->" would be published');
  });

  it('leaves "-->" shown as code, and an arrow in a sentence with no comment, alone', () => {
    expect(publishedMarkdown('Write `<!-- a note -->` to hide a note. <!-- hidden -->').problems).toEqual([]);
    expect(publishedMarkdown('Referral --> assessment --> plan.').problems).toEqual([]);
  });
});
