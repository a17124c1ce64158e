/**
 * Finds the line of a field in YAML frontmatter, so a message can say `file:12`.
 * A small indentation-based scan rather than a full YAML syntax tree: the frontmatter we
 * write and document is block-style, and where the scan cannot follow (flow style,
 * anchors) it falls back to the nearest enclosing field's line.
 */

interface Block {
  start: number;
  end: number;
}

const keyPattern = /^(\s*(?:-\s+)?)([A-Za-z0-9_-]+)\s*:(?:\s|$)/;

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function columnOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The lines belonging to the value of a key at `column`: list items may share its column. */
function valueBlock(lines: string[], keyLine: number, column: number, limit: number): Block {
  for (let i = keyLine + 1; i < limit; i += 1) {
    if (!isContent(lines[i])) continue;
    const col = columnOf(lines[i]);
    if (col < column || (col === column && !lines[i].trimStart().startsWith('-'))) return { start: keyLine + 1, end: i };
  }
  return { start: keyLine + 1, end: limit };
}

/**
 * Returns the 0-based index into `lines` of the deepest part of `path` that can be found,
 * or undefined when not even the first key is there.
 */
export function locateField(lines: string[], path: ReadonlyArray<PropertyKey>): number | undefined {
  let block: Block = { start: 0, end: lines.length };
  let found: number | undefined;
  for (const segment of path) {
    let hit: number | undefined;
    if (typeof segment === 'number') {
      let itemColumn = -1;
      let seen = -1;
      for (let i = block.start; i < block.end && hit === undefined; i += 1) {
        if (!isContent(lines[i]) || !lines[i].trimStart().startsWith('-')) continue;
        const column = columnOf(lines[i]);
        if (itemColumn === -1) itemColumn = column;
        if (column === itemColumn && ++seen === segment) hit = i;
      }
      if (hit === undefined) return found;
      let end = block.end;
      for (let i = hit + 1; i < block.end; i += 1) {
        if (isContent(lines[i]) && columnOf(lines[i]) <= itemColumn) {
          end = i;
          break;
        }
      }
      block = { start: hit, end };
    } else {
      // Only keys at this block's own level count, so `status` inside a progress update
      // is not mistaken for the item's own `status`.
      let levelColumn = -1;
      let hitColumn = 0;
      for (let i = block.start; i < block.end; i += 1) {
        const match = keyPattern.exec(lines[i]);
        if (!match) continue;
        const keyColumn = match[1].length;
        if (levelColumn === -1) levelColumn = keyColumn;
        if (keyColumn !== levelColumn || match[2] !== String(segment)) continue;
        hit = i;
        hitColumn = columnOf(lines[i]) + (lines[i].trimStart().startsWith('-') ? keyColumn - columnOf(lines[i]) : 0);
        break;
      }
      if (hit === undefined) return found;
      block = valueBlock(lines, hit, hitColumn, block.end);
    }
    found = hit;
  }
  return found;
}
