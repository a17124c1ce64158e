/**
 * Names the content cannot use (src/model/reserved-names.ts): a partnership folder named like
 * something the build publishes at the top of the output (a site named "404" was silently
 * published as nothing), and file or folder names Windows keeps for its devices ("con", "aux",
 * "nul", "com1"...), which a colleague on a Windows computer could not copy, open or check out.
 * The check refuses both with the reason and a name to use instead; `new` and `init` never
 * write them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../src/authoring/init.ts';
import { scaffold } from '../../src/authoring/scaffold.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';

/** A valid partnership in a folder of any name: its name and area are written as text, whatever the folder is called. */
function partnershipIn(folder: string): Tree {
  const tree = validTree('somewhere');
  return Object.fromEntries(Object.entries(tree).map(([file, text]) => [file.replace(/^somewhere\//, `${folder}/`), text]));
}

const errorsOf = (tree: Tree) => checkTree(tree).problems.filter((p) => p.severity !== 'warning');

describe('partnership folders named like the top of the published output', () => {
  it.each(['404', 'index', 'pagefind', 'assets'])('refuses a partnership folder named "%s", saying why and what to call it', (name) => {
    const problems = errorsOf({ ...validTree('hampshire'), ...partnershipIn(name) });
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(`content/${name}`);
    expect(problems[0].message).toMatch(new RegExp(`^the folder name "${name}" cannot be used as a partnership id: `));
    expect(problems[0].hint).toBe(`a partnership's folder name is its id and its site's address: rename it to "${name}-partnership"`);
    // The suggested name passes.
    expect(errorsOf({ ...validTree('hampshire'), ...partnershipIn(`${name}-partnership`) })).toEqual([]);
  });

  it('says what "404" is used for', () => {
    const [problem] = errorsOf({ ...validTree('hampshire'), ...partnershipIn('404') });
    expect(formatProblem(problem)).toMatchInlineSnapshot(`
      "error content/404
          the folder name "404" cannot be used as a partnership id: the page a reader sees for an address that does not exist is published as 404.html beside the sites, so a site named "404" would be lost
          hint: a partnership's folder name is its id and its site's address: rename it to "404-partnership""
    `);
  });

  it('still allows the same names for items inside a partnership, where they name no folder at the top', () => {
    const tree = validTree('hampshire');
    const action = tree['hampshire/actions/deliver-training.md'];
    expect(errorsOf({ ...tree, 'hampshire/actions/index.md': action.replace('order: 1', 'order: 2') })).toEqual([]);
  });
});

describe('names Windows keeps for its devices', () => {
  const action = validTree('hampshire')['hampshire/actions/deliver-training.md'].replace('order: 1', 'order: 2');

  it.each([
    ['hampshire/actions/con.md', 'con', 'con-action.md'],
    ['hampshire/actions/aux.md', 'aux', 'aux-action.md'],
    ['hampshire/actions/nul.md', 'nul', 'nul-action.md'],
    ['hampshire/actions/prn.md', 'prn', 'prn-action.md'],
    ['hampshire/actions/com1.md', 'com1', 'com1-action.md'],
    ['hampshire/actions/lpt9.md', 'lpt9', 'lpt9-action.md'],
    ['hampshire/actions/CON.md', 'CON', 'con-action.md'],
    ['hampshire/actions/Aux.MD', 'Aux', 'aux-action.md'],
    ['hampshire/groups/com3.md', 'com3', 'com3-group.md'],
    ['hampshire/priorities/lpt1.md', 'lpt1', 'lpt1-priority.md'],
  ])('refuses %s, naming the device and a name to use instead', (file, device, suggested) => {
    const problems = errorsOf({ ...validTree('hampshire'), [file]: action });
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(`content/${file}`);
    expect(problems[0].message).toBe(
      `the name "${path.basename(file)}" cannot be used: Windows keeps the name "${device}" for a device, so this plan could not be copied to or opened on a Windows computer`,
    );
    expect(problems[0].hint).toBe(`rename it to "${suggested}"`);
  });

  it('refuses a partnership folder, a picture and a folder inside a partnership with such a name', () => {
    const tree: Tree = {
      ...validTree('hampshire'),
      ...partnershipIn('aux'),
      'hampshire/nul.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'hampshire/actions/com1/more.md': action,
    };
    const problems = errorsOf(tree);
    expect(problems.map((p) => [p.file, p.hint])).toEqual([
      ['content/aux', 'rename it to "aux-partnership"'],
      ['content/hampshire/actions/com1', 'rename it to "com1-folder"'],
      ['content/hampshire/nul.svg', 'rename it to "nul-picture.svg"'],
    ]);
  });

  it('allows names that only start like a device: console, auxiliary, com10, lpt0, nullify', () => {
    const tree: Tree = { ...validTree('hampshire') };
    ['console', 'auxiliary', 'com10', 'lpt0', 'com', 'nullify', 'con-action'].forEach((id, i) => {
      tree[`hampshire/actions/${id}.md`] = action.replace('order: 2', `order: ${i + 2}`);
    });
    expect(errorsOf(tree)).toEqual([]);
  });
});

describe('npm run new and init never write a reserved name', () => {
  let tree: ContentTree | undefined;
  let folder = '';
  afterEach(() => {
    tree?.remove();
    tree = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = '';
  });

  it('new refuses an item whose id would be a Windows device name, suggesting an --id, and writes nothing', async () => {
    tree = writeTree(validTree());
    const result = await scaffold({ type: 'action', title: 'Con', objective: 'understand-neglect', contentDir: tree.contentDir });
    expect(result.exitCode).toBe(2);
    expect(result.report).toMatchInlineSnapshot(`
      "error: the id "con" cannot be used: Windows keeps the name "con" for a device, so this plan could not be copied to or opened on a Windows computer
          hint: give another with --id, like --id con-action
      Nothing was written."
    `);
    expect(readdirSync(path.join(tree.contentDir, 'hampshire/actions'))).toEqual(['deliver-training.md']);
    const given = await scaffold({ type: 'group', title: 'Board', id: 'aux', contentDir: tree.contentDir });
    expect(given.exitCode).toBe(2);
    expect(given.report).toContain('hint: give another with --id, like --id aux-group');
  });

  it('new refuses a partnership named "404" or "Aux", and writes nothing', async () => {
    tree = writeTree(validTree());
    for (const [title, id] of [
      ['404', '404'],
      ['Aux Safeguarding Children Partnership', 'aux'],
    ]) {
      const result = await scaffold({ type: 'partnership', title, contentDir: tree.contentDir });
      expect(result.exitCode, result.report).toBe(2);
      expect(result.report).toContain(`error: the id "${id}" cannot be used`);
      expect(result.report).toContain(`--id ${id}-partnership`);
      expect(existsSync(path.join(tree.contentDir, id))).toBe(false);
    }
  });

  it('init refuses a partnership id that is reserved, before writing anything', async () => {
    for (const options of [
      { name: 'Nul Safeguarding Children Partnership', period: '2024-2027' },
      { name: 'Lost Safeguarding Children Partnership', period: '2024-2027', id: '404' },
      { name: 'Lost Safeguarding Children Partnership', period: '2024-2027', id: 'com1' },
    ]) {
      folder = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-init-'));
      const result = await init({ folder, ...options });
      expect(result.exitCode, result.report).toBe(2);
      expect(result.report).toMatch(/^error: the id "(nul|404|com1)" cannot be used/);
      expect(result.report).toMatch(/hint: give another with --id, like --id (nul|404|com1)-partnership/);
      expect(readdirSync(folder)).toEqual([]);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
