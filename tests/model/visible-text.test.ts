/**
 * Text a reader can see (schemas/values/visible-text.ts, schemas/common.ts): a title, name or any
 * other required text made only of zero-width, invisible or direction-control characters passed
 * the check and published an empty heading, link or table cell. It is refused, naming the
 * characters; text that merely contains them (an emoji sequence, a Persian word) still passes.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, validTree, type Tree } from '../helpers/content-tree.ts';

const action = 'hampshire/actions/deliver-training.md';
const group = 'hampshire/groups/training-sub-group.md';
const partnership = 'hampshire/partnership.md';

function changed(file: string, from: string, to: string): Tree {
  const tree = validTree();
  expect(tree[file]).toContain(from);
  return { ...tree, [file]: tree[file].replace(from, to) };
}

const errorsIn = (tree: Tree, file: string) =>
  checkTree(tree)
    .problems.filter((p) => p.severity !== 'warning' && p.file === `content/${file}`)
    .map(formatProblem);

/** A YAML double-quoted string holding exactly these characters. */
const quoted = (text: string) => JSON.stringify(text);

describe('text of only invisible characters', () => {
  it.each([
    ['zero width space', '\u200B', 'U+200B'],
    ['zero width non-joiner', '\u200C', 'U+200C'],
    ['zero width joiner', '\u200D', 'U+200D'],
    ['word joiner', '\u2060', 'U+2060'],
    ['byte order mark inside', '\u200B\uFEFF\u200C', 'U+200B, U+FEFF, U+200C'],
    ['soft hyphen', '\u00AD', 'U+00AD'],
    ['Mongolian vowel separator', '\u180E', 'U+180E'],
    ['right-to-left override', '\u202E', 'U+202E'],
    ['left-to-right isolate and pop', '\u2066\u2069', 'U+2066, U+2069'],
    ['right-to-left mark', '\u200F', 'U+200F'],
    ['Hangul filler', '\u3164', 'U+3164'],
    ['braille blank', '\u2800', 'U+2800'],
    ['lone invisible separator among spaces', ' \u2063 ', 'U+2063'],
  ])("refuses an action's title of only a %s", (_, characters, named) => {
    const errors = errorsIn(changed(action, 'title: Deliver neglect training', `title: ${quoted(characters)}`), action);
    expect(errors).toEqual([
      `error content/${action}:2\n    title: expected text that can be seen, found only invisible characters (${named})\n    hint: these come with text copied from web pages, Word or chat programs: delete the value and type the words again`,
    ]);
  });

  it("refuses a group's name, a partnership's short name and a list entry of them", () => {
    expect(errorsIn(changed(group, 'name: Training Sub-Group', `name: ${quoted('\u2060\u200B')}`), group)[0]).toContain(
      'name: expected text that can be seen, found only invisible characters (U+2060, U+200B)',
    );
    expect(errorsIn(changed(partnership, 'shortName: HASCP', `shortName: ${quoted('\u202A\u202C')}`), partnership)[0]).toContain(
      'shortName: expected text that can be seen',
    );
    const agencies = changed(partnership, 'area:', `relevantAgencies:\n  - Police\n  - ${quoted('\u200D')}\narea:`);
    expect(errorsIn(agencies, partnership)[0]).toContain('relevantAgencies[1]: expected text that can be seen');
  });

  it('refuses a progress update whose Markdown text is only invisible characters', () => {
    const errors = errorsIn(changed(action, 'text: Training designed.', `text: ${quoted('\u200B\u200B')}`), action);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('progress[0].text: expected text that can be seen, found only invisible characters (U+200B)');
  });

  it('refuses a text measure of only invisible characters, written as a line or with its target', () => {
    const measures = `status: in-progress\nmeasures:\n  - ${quoted('\u00AD')}\n  - text: ${quoted('\u200B')}\n    target: 200 by March 2022`;
    const errors = errorsIn(changed(action, 'status: in-progress', measures), action);
    expect(errors.map((e) => e.split('\n')[1].trim())).toEqual([
      'measures[0]: expected text that can be seen, found only invisible characters (U+00AD)',
      'measures[1].text: expected text that can be seen, found only invisible characters (U+200B)',
    ]);
  });

  it('still accepts text that holds such characters among visible ones', () => {
    for (const title of [
      '\u200BDeliver neglect training',
      'Family 👩\u200D👧 support',
      'می\u200Cخواهم',
      'Ship\u00ADping',
      '\u2067שלום\u2069',
    ]) {
      expect(errorsIn(changed(action, 'title: Deliver neglect training', `title: ${quoted(title)}`), action)).toEqual([]);
    }
  });
});
