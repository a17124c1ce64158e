/**
 * No page grows without limit with the plan: a list of more than 50 items is split over
 * numbered pages, each with the counts for the whole list and links to the others, and the
 * annual report lists each table's first 50 actions and counts the rest. On content of its own:
 * one objective with 120 actions, all in one reporting year and one group.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, reportBuild } from '../../src/builder/build.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { links, page } from '../helpers/site.ts';

let tree: ContentTree;
let outDir: string;
const count = 120;

beforeAll(async () => {
  const files = validTree('hampshire');
  for (let i = 1; i <= count; i += 1) {
    files[`hampshire/actions/action-${String(i).padStart(3, '0')}.md`] = [
      '---',
      `title: Numbered action ${i}`,
      `order: ${i}`,
      'objective: understand-neglect',
      'groups: [training-sub-group]',
      'years: [2020-21]',
      `status: ${i % 3 === 0 ? 'complete' : 'in-progress'}`,
      '---',
      `Body of action ${i}.`,
      '',
    ].join('\n');
  }
  tree = writeTree(files);
  outDir = path.join(tree.root, 'dist');
  const result = await build({ contentDir: tree.contentDir, outDir, buildDate: '2021-06-01' });
  expect(result.ok, reportBuild(result)).toBe(true);
});
afterAll(() => tree.remove());

/** The titles of the actions a page lists, in order. */
const listed = (html: string) => [...html.matchAll(/>Numbered action (\d+)</g)].map((m) => Number(m[1]));
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('long lists', () => {
  it("split an objective's 121 actions over pages of 50, counting all of them on each", () => {
    // In the plan's order: the tree's own first action (order 1, "Deliver..."), then 1 to 120.
    const first = page('/hampshire/objectives/understand-neglect/', outDir);
    const second = page('/hampshire/objectives/understand-neglect/page/2/', outDir);
    const third = page('/hampshire/objectives/understand-neglect/page/3/', outDir);
    expect(first).toContain('>Deliver neglect training<');
    expect(listed(first)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    expect(listed(second)).toEqual(Array.from({ length: 50 }, (_, i) => i + 50));
    expect(listed(third)).toEqual(Array.from({ length: 21 }, (_, i) => i + 100));
    expect(existsSync(path.join(outDir, 'hampshire/objectives/understand-neglect/page/4'))).toBe(false);
    // The counts are of every action, on every page: 120 numbered and the first one.
    for (const html of [first, second, third]) expect(html).toContain('aria-label="Actions by status, 121 in all"');
    expect(second).toContain('Page 2 of 3 of actions.');
    expect(links(main(second))).toEqual(
      expect.arrayContaining(['/hampshire/objectives/understand-neglect/', '/hampshire/objectives/understand-neglect/page/3/']),
    );
    expect(links(main(first))).toContain('/hampshire/objectives/understand-neglect/page/2/');
  });

  it('are split on the pages of groups and years too, and only the first page of each is a search result', () => {
    const group = page('/hampshire/groups/training-sub-group/', outDir);
    const year = page('/hampshire/years/2020-21/', outDir);
    // Only the actions name the group: 121 actions, the first page's 50 beginning with "Deliver...".
    expect(listed(group)).toHaveLength(49);
    expect(listed(page('/hampshire/groups/training-sub-group/page/3/', outDir))).toHaveLength(21);
    expect(listed(year)).toHaveLength(49);
    expect(existsSync(path.join(outDir, 'hampshire/years/2020-21/page/3/index.html'))).toBe(true);
    expect(group).toContain('data-pagefind-body');
    expect(page('/hampshire/groups/training-sub-group/page/2/', outDir)).not.toContain('data-pagefind-body');
    expect(page('/hampshire/groups/training-sub-group/page/2/', outDir)).toContain('<title>Training Sub-Group (page 2 of 3)');
  });

  it('keep the annual report printable: each table lists 50 actions and counts the rest', () => {
    const report = page('/hampshire/years/2020-21/report/', outDir);
    expect(listed(report)).toHaveLength(49);
    expect(report).toContain('And 71 more actions in 2020-21, by status at the end of 2020-21:');
    expect(links(report)).toContain('/hampshire/objectives/understand-neglect/');
  });
});
