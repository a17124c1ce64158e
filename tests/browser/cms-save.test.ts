/**
 * A save in the editor on GitHub, for real: Sveltia CMS from the built /admin/, in Chromium, on
 * its local-repository mode (the same forms and the same writer as on GitHub, saving into a
 * folder instead of a branch). The browser's folder picker, which a test cannot answer, hands
 * over a folder in the browser's own private storage holding a copy of the content. Sveltia
 * rewrites the whole frontmatter on every save: a file as `npm run new` writes it for a
 * partnership that edits on GitHub, and every file `npm run migrate -- --layout editor` has laid
 * out, change in the edited line only. A file in another layout is rewritten: its comment is lost,
 * its quotes change and its fields move, which is what the migrate step is for.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/authoring/scaffold.ts';
import { migrate } from '../../src/cli/migrate.ts';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import { buildEditorSite, editorPartnership, type EditorSite } from '../helpers/editor-site.ts';

/** An action written by hand in the layout `new` wrote before: quotes in double quotes, no empty line before the body. */
const oldLayout = `---
title: Run a return-home interview audit
order: 3
priority: exploitation
code: "1.4"
lead: Missing Children Coordinator
due: 2025-03-31
strands:
  - protect
status: in-progress
rag: amber
progress:
  - date: 2024-10-31
    by: MACE Panel
    text: Half of the interviews sampled were offered within 72 hours.
---
The audit samples return-home interviews from the last year.
`;

/** The same action as a person might write it by hand: a comment, quotes, another order, a list on one line. */
const handWritten = `---
# From the 2024 action plan, row 12.
title: "Run a return-home interview audit"
priority: exploitation
order: 3
strands: [protect]
---
The audit samples return-home interviews from the last year.
`;

let site: EditorSite;
let session: BrowserSession;

beforeAll(async () => {
  site = await buildEditorSite();
  if (!site.result.ok) throw new Error(`the editor's site did not build: ${JSON.stringify(site.result)}`);
  session = await openBrowser(site.outDir);
});

afterAll(async () => {
  await session?.close();
  site?.remove();
});

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the site's content (its partnership edits on GitHub), to run the tool's own commands on. */
function contentCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cms-save-'));
  copies.push(root);
  const contentDir = path.join(root, 'content');
  cpSync(site.contentDir, contentDir, { recursive: true });
  return contentDir;
}

/** Every file of a content folder, by its path in the repository (content/...). */
function repositoryFiles(contentDir = site.contentDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else files[path.relative(path.dirname(contentDir), file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
    }
  };
  walk(contentDir);
  return files;
}

/**
 * The editor, signed in to a repository folder in the browser's private storage holding
 * `files`: in a browser context of its own, as Sveltia remembers the folder it was last given.
 */
async function openLocalRepository(files: Record<string, string>): Promise<Page> {
  const context = await session.context.browser()!.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
  await context.route(
    (url) => !/^(data|blob|about):/.test(url.href) && url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  // The folder picker answered with that folder (Sveltia checks it is a repository by its .git).
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repository', { create: true }),
    });
  });
  await page.goto(`${session.origin}/${editorPartnership}/admin/`, { waitUntil: 'commit' });
  await page.getByText('Work with Local Repository').waitFor({ timeout: 60_000 });
  await page.evaluate(async (entries) => {
    const storage = await navigator.storage.getDirectory();
    await storage.removeEntry('repository', { recursive: true }).catch(() => undefined);
    const root = await storage.getDirectoryHandle('repository', { create: true });
    await root.getDirectoryHandle('.git', { create: true });
    for (const [file, text] of Object.entries(entries)) {
      let dir = root;
      const parts = file.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts[parts.length - 1], { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, files);
  await page.getByText('Work with Local Repository').click();
  return page;
}

/** A file of the repository folder, as it is now. */
function readStored(page: Page, file: string): Promise<string> {
  return page.evaluate(async (relative) => {
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repository');
    const parts = relative.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    return (await (await dir.getFileHandle(parts[parts.length - 1])).getFile()).text();
  }, file);
}

/**
 * Opens a file in the form at `entry`, sets a field (which shows what `shown` reads from the file)
 * to `value` and saves; returns the file as saved. The editor is one page: until the new entry's form has replaced the
 * last one, the field found may still be the last entry's, so the field must first show this
 * file's own value.
 */
async function changeField(
  page: Page,
  file: string,
  entry: string,
  field: (page: Page) => Locator | Promise<Locator>,
  value: string,
  shown: (file: string) => string,
): Promise<string> {
  const before = await readStored(page, file);
  const current = shown(before);
  const address = `${session.origin}/${editorPartnership}/admin/#/collections/${entry}`;
  await page.goto(address, { waitUntil: 'commit' });
  let input = await field(page);
  await input.waitFor({ timeout: 60_000 });
  // Sveltia may still be finishing the last save, and stay on its entry: go to this one again
  // (by way of its list) until its form shows this file's value.
  await expect
    .poll(
      async () => {
        if ((await input.inputValue({ timeout: 5_000 }).catch(() => undefined)) === current) return true;
        await page.goto(address.replace(/\/entries\/.*$/, ''), { waitUntil: 'commit' });
        await page.goto(address, { waitUntil: 'commit' });
        input = await field(page);
        return false;
      },
      { timeout: 60_000, interval: 2_000 },
    )
    .toBe(true);
  // Sveltia may draw the form again once more of the repository has loaded, which puts back the
  // stored value and disables Save: type the value again until a save has written the file.
  const save = page.getByRole('button', { name: 'Save', exact: true }).first();
  await expect
    .poll(
      async () => {
        if ((await readStored(page, file)) !== before) return true;
        const shown = await input.inputValue({ timeout: 5_000 }).catch(() => undefined);
        if (shown !== value) await input.fill(value, { timeout: 5_000 }).catch(() => undefined);
        await save.click({ timeout: 5_000 }).catch(() => undefined);
        return (await readStored(page, file)) !== before;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(true);
  return readStored(page, file);
}

/** Opens an item in the form, sets its order and saves; returns the file as saved. */
function changeOrder(page: Page, id: string, order: string, type = 'action', folder = 'actions'): Promise<string> {
  const file = `content/${editorPartnership}/${folder}/${id}.md`;
  const shown = (text: string) => /^order: (\d+)$/m.exec(text)![1];
  return changeField(page, file, `${type}/entries/${id}`, (p) => p.getByRole('spinbutton').first(), order, shown);
}

/** The lines of `after` that differ from `before`, line for line (neither has lines added or taken away). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.flatMap((line, i) => (line === a[i] ? [] : [`${i + 1}: ${a[i]} -> ${line}`]));
}

const frontmatterOf = (text: string) => text.slice(0, text.indexOf('\n---\n') + 5);
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n') + 5);

describe('a save in the editor on GitHub', () => {
  it('changes only the edited line of a file `npm run new` writes for a partnership that edits on GitHub', async () => {
    const contentDir = contentCopy();
    const result = await scaffold({
      type: 'action',
      title: 'Audit: return-home interviews',
      contentDir,
      partnership: editorPartnership,
      priority: 'exploitation',
      strands: ['protect'],
    });
    expect(result.status, result.report).toBe('written');
    const file = `content/${editorPartnership}/actions/audit-return-home-interviews.md`;
    const written = repositoryFiles(contentDir)[file];
    // No commented-out examples, which the first save would remove; the body's own note stays.
    expect(frontmatterOf(written)).not.toContain('#');
    expect(written).toContain("title: 'Audit: return-home interviews'\n");
    const page = await openLocalRepository(repositoryFiles(contentDir));
    const saved = await changeOrder(page, 'audit-return-home-interviews', '7');
    expect(changedLines(written, saved)).toEqual(['3: order: 4 -> order: 7']);
    expect(saved).toBe(written.replace('\norder: 4\n', '\norder: 7\n'));
    await page.context().close();
  });

  it('changes only the edited line of files `migrate --layout editor` laid out: actions, a priority and one of its outcomes, partnership.md', async () => {
    const contentDir = contentCopy();
    writeFileSync(path.join(contentDir, editorPartnership, 'actions', 'audit.md'), oldLayout);
    writeFileSync(path.join(contentDir, editorPartnership, 'actions', 'by-hand.md'), handWritten.replace('Run a', 'Rerun the'));
    // The real command: first to the newest content format (the fixture is in format 1), then to the editor's layout.
    expect((await migrate({ contentDir, dryRun: false, yes: true })).exitCode).toBe(0);
    const outcome = await migrate({ contentDir, dryRun: false, yes: true, layout: 'editor' });
    expect(outcome.exitCode, outcome.report).toBe(0);
    const files = repositoryFiles(contentDir);
    const page = await openLocalRepository(files);
    const items: Array<[id: string, type: string, folder: string]> = [
      ['audit', 'action', 'actions'],
      ['by-hand', 'action', 'actions'],
      ['return-home-interviews', 'action', 'actions'],
      ['exploitation', 'priority', 'priorities'],
    ];
    for (const [id, type, folder] of items) {
      const before = files[`content/${editorPartnership}/${folder}/${id}.md`];
      const order = /^order: (\d+)$/m.exec(before)![1];
      const saved = await changeOrder(page, id, '9', type, folder);
      expect(changedLines(before, saved), id).toEqual([`3: order: ${order} -> order: 9`]);
      expect(saved, id).toBe(before.replace(`\norder: ${order}\n`, '\norder: 9\n'));
    }
    // partnership.md, one file of its own, with lists of groups of fields (its strands) and groups (editor:).
    const partnership = `content/${editorPartnership}/partnership.md`;
    const area = /^area: (.*)$/m.exec(files[partnership])![1];
    const saved = await changeField(
      page,
      partnership,
      'partnership/entries/partnership',
      (p) => p.getByRole('textbox', { name: 'Area' }),
      'North Borough',
      (text) => /^area: (.*)$/m.exec(text)![1],
    );
    expect(changedLines(files[partnership], saved)).toEqual([`5: area: ${area} -> area: North Borough`]);
    // An outcome the partnership writes as a line of text, edited in its own box: that line changes, and no other.
    const priority = `content/${editorPartnership}/priorities/exploitation.md`;
    const line = '1.2 More children at risk of exploitation are known to the MACE panel.';
    const before = await readStored(page, priority);
    expect(before).toContain(`\n  - ${line}\n`);
    const edited = await changeField(
      page,
      priority,
      'priority/entries/exploitation',
      async (p) => {
        // Sveltia draws a list's entries once the list is in view.
        const list = p.locator('section[data-key-path="outcomes"]').first();
        await list.waitFor({ timeout: 60_000 });
        await list.scrollIntoViewIfNeeded();
        return p.locator('section[data-key-path="outcomes.1"] textarea');
      },
      '1.2 More children at risk of exploitation are known to the MACE panel early.',
      () => line,
    );
    expect(changedLines(before, edited)).toHaveLength(1);
    expect(edited).toBe(before.replace(line, '1.2 More children at risk of exploitation are known to the MACE panel early.'));
    await page.context().close();
  });

  it("shows under an action's due date, as plain text, the days its plan runs", async () => {
    const page = await openLocalRepository(repositoryFiles());
    await page.goto(`${session.origin}/${editorPartnership}/admin/#/collections/action/entries/return-home-interviews`, {
      waitUntil: 'commit',
    });
    // The fixture's one plan runs from 1 April 2024, with no end.
    const note =
      'The plan "Exploitation Strategy" runs from 1 April 2024. A date outside its plan is shown as a warning on the pull request.';
    await page.getByText(note, { exact: false }).first().waitFor({ timeout: 60_000 });
    const shown = await page.getByText(note, { exact: false }).first().textContent();
    expect(shown).toContain('When it is due:');
    await page.context().close();
  });

  it('changes a file in the layout `new` wrote before in its quotes, and adds an empty line before its text', async () => {
    const page = await openLocalRepository({ ...repositoryFiles(), [`content/${editorPartnership}/actions/audit.md`]: oldLayout });
    const saved = await changeOrder(page, 'audit', '4');
    expect(changedLines(frontmatterOf(oldLayout), frontmatterOf(saved))).toEqual([
      '3: order: 3 -> order: 4',
      // Text YAML would read as something else is quoted by both, but Sveltia in single quotes.
      `5: code: "1.4" -> code: '1.4'`,
    ]);
    // The body's text is kept; Sveltia puts one empty line between the frontmatter and it.
    expect(bodyOf(saved).replace(/^\n/, '')).toBe(bodyOf(oldLayout));
    await page.context().close();
  });

  it('keeps the outcomes and the measure of a priority saved from another layout', async () => {
    const page = await openLocalRepository(repositoryFiles());
    const saved = await changeOrder(page, 'exploitation', '5', 'priority', 'priorities');
    expect(saved).toContain('order: 5');
    // The fixture's outcomes and measure, whatever quotes or order of keys Sveltia gives them.
    expect(saved).toMatch(/\noutcomes:\n {2}- "?1\.1 Fewer children go missing from home more than once\."?\n {2}- "?1\.2 More children/);
    expect(saved).toMatch(/\n {2}- (text: Children reported missing more than once in a year|target: Down 10% on 2023-24)\n/);
    expect(saved).toContain('Down 10% on 2023-24');
    await page.context().close();
  });

  it('rewrites a file in another layout: its comment is lost and its fields take the form order', async () => {
    const page = await openLocalRepository({ ...repositoryFiles(), [`content/${editorPartnership}/actions/audit.md`]: handWritten });
    const saved = await changeOrder(page, 'audit', '4');
    expect(frontmatterOf(saved)).toBe(
      ['---', 'title: Run a return-home interview audit', 'order: 4', 'priority: exploitation', 'strands:', '  - protect', '---', ''].join(
        '\n',
      ),
    );
    await page.context().close();
  });
});
