/**
 * What the local editor's form checks before anything is written, in real Chromium against a git
 * copy of the bundled Hampshire content, whose plan "Business Plan 2020-23" runs from 1 April 2020
 * to 31 March 2023: a due date or a progress update after the plan ends is refused beside its
 * field, with what was given and what is allowed, and no save is even sent; the server refuses
 * the same dates sent to it directly; and a body's preview shows the Markdown as the site renders
 * it while nothing hostile in it runs.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('dates within the plan, checked in the form', () => {
  it('refuses a due date after the plan ends before saving, saying so beside the field', async () => {
    await page.getByRole('button', { name: 'New action' }).click();
    await page.getByLabel('Title (required)', { exact: true }).fill('Run a neglect practice week');
    await page.getByLabel('Order (required)', { exact: true }).fill('20');
    await page.getByLabel('Priority', { exact: true }).selectOption('responding-to-neglect');
    await expect.poll(() => page.getByLabel('File name').inputValue()).toBe('run-a-neglect-practice-week');
    // The range is the due date's hint, as soon as the priority says which plan the action is in.
    await expect.poll(() => page.locator('#f-due-range').textContent()).toContain(`"Business Plan 2020-23": ${allowed}`);

    await page.getByLabel('Due', { exact: true }).fill('2024-03-31');
    await page.getByRole('button', { name: 'Save new action' }).click();
    const beside = page.locator('#f-due-problems');
    await beside.getByText('after the plan "Business Plan 2020-23" ends').waitFor();
    expect(await beside.textContent()).toContain('"2024-03-31"');
    expect(await beside.textContent()).toContain(allowed);
    expect(await page.getByLabel('Due', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(saves).toEqual([]);
    expect(editor.git('status', '--porcelain')).toBe('');
  });

  it("refuses a progress update dated after the plan ends, the date picker's range the plan's", async () => {
    await page.getByRole('button', { name: auditTitle }).click();
    const date = page.getByLabel('Update: date');
    expect([await date.getAttribute('min'), await date.getAttribute('max')]).toEqual(['2020-04-01', '2023-03-31']);
    expect(await page.locator('#f-progress-date-range').textContent()).toContain(allowed);

    await date.fill('2023-06-30');
    await page.getByLabel('Update: text').fill('Audit finished.');
    await page.getByRole('button', { name: 'Add this update' }).click();
    await page.getByText(`Not added: the date 2023-06-30 is after the plan ends. Give a date ${allowed}.`).waitFor();
    expect(await page.getByText('Audit finished. (not saved yet)').count()).toBe(0);
    expect(saves).toEqual([]);
    expect(editor.git('status', '--porcelain')).toBe('');
  });
});

describe('dates within the plan, refused by the server', () => {
  const save = (body: object) =>
    fetch(`${editor.url}/api/save`, {
      method: 'POST',
      headers: { origin: editor.url, 'content-type': 'application/json' },
      body: JSON.stringify({ partnership: 'hampshire', type: 'action', ...body }),
    });

  it('refuses the same due date sent directly, writing nothing', async () => {
    const response = await save({
      id: 'sent-by-a-script',
      isNew: true,
      changes: { title: 'Sent by a script', order: 21, priority: 'responding-to-neglect', due: '2024-03-31' },
    });
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: string; fields: Array<{ field: string; message: string }> };
    expect(answer.fields.map((f) => f.field)).toEqual(['due']);
    expect(answer.fields[0].message).toContain('"2024-03-31"');
    expect(answer.fields[0].message).toContain(allowed);
    expect(existsSync(path.join(editor.contentDir, 'hampshire/actions/sent-by-a-script.md'))).toBe(false);
  });

  it('refuses a progress update dated before the plan starts, added to a file directly', async () => {
    const response = await save({
      id: 'adolescent-neglect-thematic-audit',
      isNew: false,
      changes: { progress: [{ date: '2019-12-31', text: 'Backdated.' }] },
    });
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { fields: Array<{ field: string; message: string }> };
    expect(answer.fields.map((f) => f.field)).toEqual(['progress']);
    expect(answer.fields[0].message).toContain('before the plan "Business Plan 2020-23" starts');
    expect(editor.git('status', '--porcelain')).toBe('');
  });
});

describe("a body's preview", () => {
  it('shows the heading, list and link as the site renders them, runs nothing hostile, and saves nothing', async () => {
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
    expect(editor.git('status', '--porcelain')).toBe('');
  });
});
