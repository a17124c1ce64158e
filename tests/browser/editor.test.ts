/**
 * The editor as a business manager uses it, in real Chromium, against a scratch copy of the
 * bundled Hampshire content kept in git: a new action under a priority, with a status, a rating,
 * a due date and a group; a progress update added to another action. Both saves land in the
 * content folder, the check finds no errors, the built site shows both, and `git diff` of the
 * edited file is the update's lines and nothing else. Also: the server refuses a save from
 * another origin and a name that points outside the content folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { checkContent } from '../../src/model/check.ts';
import { openLocalEditor, type LocalEditor } from '../helpers/local-editor.ts';

const edited = 'hampshire/actions/adolescent-neglect-thematic-audit.md';
const created = 'hampshire/actions/run-a-neglect-practice-week.md';

let editor: LocalEditor;
let root: string;
let contentDir: string;
let page: Page;

const git = (...args: string[]) => editor.git(...args);

beforeAll(async () => {
  editor = await openLocalEditor();
  ({ root, contentDir, page } = editor);
}, 60_000);

afterAll(async () => {
  await editor?.close();
});

describe('editing the plan in the browser', () => {
  it('creates an action under a priority with its status, rating, due date and group', async () => {
    await page.getByRole('button', { name: 'New action' }).click();
    await page.getByLabel('Title (required)', { exact: true }).fill('Run a neglect practice week');
    await page.getByLabel('Order (required)', { exact: true }).fill('20');
    await page.getByLabel('Priority', { exact: true }).selectOption('responding-to-neglect');
    await page.getByLabel('Status', { exact: true }).selectOption('in-progress');
    await page.getByLabel('Rating', { exact: true }).selectOption('amber');
    await page.getByLabel('Due', { exact: true }).fill('2022-03-31');
    await page.getByLabel('Joint HSCP and IOWSCP Neglect Task and Finish Group').check();
    await expect.poll(() => page.getByLabel('File name').inputValue()).toBe('run-a-neglect-practice-week');
    await page.getByRole('button', { name: 'Save new action' }).click();
    await page.getByText(`Saved ${path.relative(process.cwd(), path.join(contentDir, created))}`).waitFor();
    await page.getByText('The check found no errors in it.').waitFor();

    const text = readFileSync(path.join(contentDir, created), 'utf8');
    expect(text).toMatch(/^title: Run a neglect practice week$/m);
    expect(text).toMatch(/^priority: responding-to-neglect$/m);
    expect(text).toMatch(/^status: in-progress$/m);
    expect(text).toMatch(/^rag: amber$/m);
    expect(text).toMatch(/^due: "?2022-03-31"?$/m);
    expect(text).toMatch(/^groups:\n {2}- neglect-task-and-finish-group$/m);
  });

  it('adds a progress update to another action, changing only the lines it adds', async () => {
    await page.getByRole('button', { name: 'Complete a thematic multi-agency audit on the theme of Adolescent Neglect' }).click();
    await page.getByLabel('Update: date').fill('2022-01-31');
    await page.getByLabel('Update: text').fill('Audit started with four agencies.');
    await page.getByRole('button', { name: 'Add this update' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The check found no errors in it.').waitFor();

    const diff = git('diff', '--unified=0', '--', edited);
    const changed = diff.split('\n').filter((line) => /^[+-](?![+-]{2} )/.test(line));
    expect(changed).toEqual(['+progress:', '+  - date: 2022-01-31', '+    text: Audit started with four agencies.']);
  });

  it('leaves content that passes the check, and a site that shows both changes', async () => {
    const errors = checkContent(contentDir, { today: '2022-09-30' }).problems.filter((p) => p.severity !== 'warning');
    expect(errors).toEqual([]);
    expect(git('status', '--porcelain')).toBe(` M ${edited}\n?? ${created}\n`);

    const outDir = path.join(root, 'dist');
    const result = await build({ contentDir, outDir, buildDate: '2022-09-30', cache: false });
    expect(result.ok, result.error).toBe(true);
    const pages = readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'));
    const newPage = pages.find((file) => file.includes('run-a-neglect-practice-week'));
    expect(newPage, 'a page for the new action').toBeDefined();
    expect(readFileSync(path.join(outDir, newPage!), 'utf8')).toContain('Run a neglect practice week');
    const auditPage = pages.find((file) => file.includes('adolescent-neglect-thematic-audit'));
    expect(readFileSync(path.join(outDir, auditPage!), 'utf8')).toContain('Audit started with four agencies.');
  }, 240_000);

  it('refuses a save from another site, and a name that points outside the content folder', async () => {
    const save = (origin: string, id: string) =>
      fetch(`${editor.url}/api/save`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ partnership: 'hampshire', type: 'action', id, isNew: true, changes: { title: 'x', order: 1 } }),
      });
    expect((await save('http://evil.example', 'fine-name')).status).toBe(403);
    expect((await save(editor.url, '../../../escaped')).status).toBe(400);
    expect(existsSync(path.join(contentDir, 'hampshire/actions/fine-name.md'))).toBe(false);
    expect(existsSync(path.join(root, 'escaped.md'))).toBe(false);
  });
});
