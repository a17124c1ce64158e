/** Finding a field's line in frontmatter (src/model/locate.ts). */
import { describe, expect, it } from 'vitest';
import { locateField } from '../../src/model/locate.ts';

const lines = [
  'title: Deliver training', // 0
  'status: in-progress', // 1
  '# a comment', // 2
  'groups:', // 3
  '  - training-sub-group', // 4
  '  - board', // 5
  'progress:', // 6
  '  - date: 2020-09-30', // 7
  '    status: delayed', // 8
  '    text: First.', // 9
  '  - text: Second.', // 10
  '    date: 31/03/2021', // 11
  'years: [2020-21, 2021-22]', // 12
];

describe('locateField', () => {
  it('finds top-level fields', () => {
    expect(locateField(lines, ['title'])).toBe(0);
    expect(locateField(lines, ['years'])).toBe(12);
  });

  it('finds list items', () => {
    expect(locateField(lines, ['groups', 1])).toBe(5);
  });

  it('finds a field inside a list item, whichever key comes first', () => {
    expect(locateField(lines, ['progress', 0, 'date'])).toBe(7);
    expect(locateField(lines, ['progress', 1, 'date'])).toBe(11);
  });

  it("does not mistake a progress update's status for the item's own", () => {
    expect(locateField(lines, ['status'])).toBe(1);
    expect(locateField(lines, ['progress', 0, 'status'])).toBe(8);
  });

  it('falls back to the nearest enclosing field it can find', () => {
    expect(locateField(lines, ['years', 1])).toBe(12);
    expect(locateField(lines, ['progress', 5, 'date'])).toBe(6);
  });

  it('returns undefined for a field that is not there', () => {
    expect(locateField(lines, ['order'])).toBeUndefined();
    expect(locateField(lines, [])).toBeUndefined();
  });
});
