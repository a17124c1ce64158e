/**
 * What the local editor's form says before anything is written, in real Chromium against a git
 * copy of the bundled Hampshire content, whose plan "Business Plan 2020-23" runs from 1 April 2020
 * to 31 March 2023: a due date or a progress update after the plan ends is the check's warning,
 * shown beside its field in the check's own words before saving; a first press saves nothing,
 * "Save anyway" saves, and `check` then says the same; the server takes the same dates sent to it
 * directly, and answers with the check's warning; and a body's preview shows the Markdown as the
 * site renders it while nothing hostile in it runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/authoring/check-report.ts';
import { openLocalEditor, type LocalEditor } from '../helpers/local-editor.ts';

const allowed = 'from 1 April 2020 to 31 March 2023';
const auditTitle = 'Complete a thematic multi-agency audit on the theme of Adolescent Neglect';

let editor: LocalEditor;
let page: Page;
/** The saves the page has sent, by address. */
const saves: string[] = [];

beforeAll(async () => {
  editor = await openLocalEditor();
  page = editor.page;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/save') saves.push(request.url());
  });
}, 60_000);

afterAll(async () => {
  await editor?.close();
});

/** What `npm run check` warns about one field of a file, as the editor shows a problem: "field: message (hint)". */
function checkSays(file: string, field: string): string[] {
  const shown = path.join(editor.contentDir, 'hampshire', file);
  return checkReport(editor.contentDir)
    .warnings.filter((w) => path.resolve(w.file) === shown && w.field === field)
    .map((w) => `${w.field}: ${w.message} (${w.hint})`);
}

const changed = (file: string) => editor.git('status', '--porcelain', '--', `hampshire/${file}`);

describe('dates outside the plan, a warning in the form', () => {
  it('shows the check\'s warning beside a due date after the plan ends, saves only on "Save anyway", and check says the same', async () => {
    const file = 'actions/run-a-neglect-practice-week.md';
    await page.getByRole('button', { name: 'New action' }).click();
    await page.getByLabel('Title (required)', { exact: true }).fill('Run a neglect practice week');
    await page.getByLabel('Order (required)', { exact: true }).fill('20');
    await page.getByLabel('Priority', { exact: true }).selectOption('responding-to-neglect');
    await expect.poll(() => page.getByLabel('File name').inputValue()).toBe('run-a-neglect-practice-week');
    // The range is the due date's hint, as soon as the priority says which plan the action is in.
    await expect.poll(() => page.locator('#f-due-range').textContent()).toBe(`The plan "Business Plan 2020-23" runs ${allowed}.`);

    await page.getByLabel('Due', { exact: true }).fill('2024-03-31');
    await page.getByRole('button', { name: 'Save new action' }).click();
    const beside = page.locator('#f-due-problems');
    await beside.getByText('after the plan "Business Plan 2020-23" ends').waitFor();
    const before = await beside.textContent();
    expect(before).toContain(`due: the due date "2024-03-31" is after the plan "Business Plan 2020-23" ends: the plan runs ${allowed}`);
    expect(saves).toEqual([]);
    expect(existsSync(path.join(editor.contentDir, 'hampshire', file))).toBe(false);

    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Saved ').waitFor();
    expect(saves).toHaveLength(1);
    expect(readFileSync(path.join(editor.contentDir, 'hampshire', file), 'utf8')).toContain('due: 2024-03-31');
    // The check, run afterwards, warns in the words the form showed; the saved form shows it again.
    expect(checkSays(file, 'due')).toEqual([before]);
    expect(await page.locator('#f-due-problems').textContent()).toBe(before);
  });

  it('takes a progress update dated after the plan ends, with the range as its hint, and warns before saving it', async () => {
    saves.length = 0;
    const file = 'actions/adolescent-neglect-thematic-audit.md';
    await page.getByRole('button', { name: auditTitle }).click();
    const date = page.getByLabel('Update: date');
    // No min or max: the browser would refuse the date, and it is the author's to decide.
    expect([await date.getAttribute('min'), await date.getAttribute('max')]).toEqual([null, null]);
    expect(await page.locator('#f-progress-date-range').textContent()).toBe(`The plan "Business Plan 2020-23" runs ${allowed}.`);

    await date.fill('2023-06-30');
    await page.getByLabel('Update: text').fill('Audit finished.');
    await page.getByRole('button', { name: 'Add this update' }).click();
    await page.getByText('Audit finished. (not saved yet)').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const beside = page.locator('#f-progress-problems');
    await beside.getByText('after the plan "Business Plan 2020-23" ends').waitFor();
    const before = await beside.textContent();
    expect(before).toContain(
      `progress[0].date: the progress update dated 30 June 2023 is after the plan "Business Plan 2020-23" ends: the plan runs ${allowed}`,
    );
    expect(saves).toEqual([]);
    expect(changed(file)).toBe('');

    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Saved ').waitFor();
    expect(changed(file)).not.toBe('');
    expect(checkSays(file, 'progress[0].date')).toEqual([before]);
  });
});

describe('dates outside the plan, sent to the server directly', () => {
  const send = (address: string, body: object) =>
    fetch(`${editor.url}${address}`, {
      method: 'POST',
      headers: { origin: editor.url, 'content-type': 'application/json' },
      body: JSON.stringify({ partnership: 'hampshire', type: 'action', ...body }),
    });
  const request = {
    id: 'sent-by-a-script',
    isNew: true,
    changes: { title: 'Sent by a script', order: 21, priority: 'responding-to-neglect', due: '2019-12-31' },
  };
  const words = `the due date "2019-12-31" is before the plan "Business Plan 2020-23" starts: the plan runs ${allowed}`;

  it('answers the question before saving with the warning, writing nothing', async () => {
    const response = await send('/api/dates', request);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { warnings: Array<{ field: string; message: string }> };
    expect(answer.warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([`due: ${words}`]);
    expect(existsSync(path.join(editor.contentDir, 'hampshire/actions/sent-by-a-script.md'))).toBe(false);
  });

  it("saves the same date, and answers with the check's warning for it", async () => {
    const response = await send('/api/save', request);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { problems: Array<{ field?: string; message: string; severity?: string }> };
    expect(answer.problems.filter((p) => p.field === 'due')).toEqual([expect.objectContaining({ severity: 'warning', message: words })]);
    expect(existsSync(path.join(editor.contentDir, 'hampshire/actions/sent-by-a-script.md'))).toBe(true);
  });
});

describe("a body's preview", () => {
  it('shows the heading, list and link as the site renders them, runs nothing hostile, and saves nothing', async () => {
    saves.length = 0;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: auditTitle }).click();
    await page
      .getByLabel('Text', { exact: true })
      .fill(
        [
          '# What we will do',
          '',
          '- Agree the audit tool',
          '- Share the findings',
          '',
          'Read [the guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).',
          '',
          '<script>window.hostile = "script"; alert("script")</script>',
          '<img src="x" onerror="window.hostile = \'image\'; alert(\'image\')">',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('#f-body-preview');
    // The site puts a body's headings under the page's own h1 and h2: "# ..." shows as an h3.
    await preview.getByRole('heading', { level: 3, name: 'What we will do' }).waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['Agree the audit tool', 'Share the findings']);
    expect(await preview.getByRole('link', { name: 'the guidance' }).getAttribute('href')).toBe(
      'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
    );
    expect(await preview.locator('script, img, [onerror]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { hostile?: string }).hostile)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(saves).toEqual([]);
  });
});
