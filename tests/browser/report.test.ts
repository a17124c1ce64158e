/**
 * The annual progress report as a business manager gets it for the board: printed to PDF by
 * Chromium on A4, read back page by page with pdftotext. A summary first, on its own page; the
 * partnership's name, the year and the page number on every page; no page that is less than a
 * quarter full except the last; no navigation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const browser = useBrowser(siteDir());
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The text of each page of a PDF, as pdftotext lays it out (pages end with a form feed). */
function pdfPagesText(pdf: Buffer): string[] {
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '').length;

describe.each([
  ['hampshire', 'Hampshire Safeguarding Children Partnership', '2020-21', 7],
  ['hounslow', 'Hounslow Safeguarding Children Partnership', '2019-20', 12],
])('the %s annual report, printed', (site, name, year, priorities) => {
  it('starts with a one-page summary, then a section per priority with work that year, with no navigation', async () => {
    const page = await browser().open(`/${site}/years/${year}/report/`);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      summaryBreak: getComputedStyle(document.querySelector('.report-summary')!).breakAfter,
      summaryRows: document.querySelectorAll('.report-summary-table tbody tr').length,
      sections: document.querySelectorAll('.report-priority').length,
      chromeShown: ['.header', '.nav', '.footer', '.breadcrumbs', '.skip-link', '.worried'].filter((selector) => {
        const element = document.querySelector(selector);
        return element && getComputedStyle(element).display !== 'none';
      }),
    }));
    expect(layout.summaryBreak).toBe('page');
    expect(layout.summaryRows).toBe(priorities);
    expect(layout.sections).toBeGreaterThan(0);
    expect(layout.sections).toBeLessThanOrEqual(priorities);
    expect(layout.chromeShown).toEqual([]);

    const pages = pdfPagesText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    await page.close();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // The summary comes first, and on its own: no priority's section begins on page 1.
    expect(pages[0]).toContain('Summary');
    expect(pages[0]).toContain(`Annual progress report ${year}`);
    expect(pages[0]).not.toContain(`Status at the end of ${year}:`);
    pages.forEach((text, i) => {
      // The running header and the page number on every page.
      expect(text, `page ${i + 1}`).toContain(`${name} · Annual progress report ${year}`);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // No page but the last of each part (the summary, and the sections) is less than a quarter full.
    const full = Math.max(...pages.map(lines));
    const nearlyEmpty = pages
      .map((text, i) => ({ page: i + 1, lines: lines(text) }))
      .filter((p, i) => i !== 0 && i !== pages.length - 1 && p.lines < full / 4);
    expect(nearlyEmpty).toEqual([]);
  });
});

describe('npm run report', () => {
  const node = path.resolve('node_modules/.bin/node');
  const script = path.resolve('scripts/report.ts');

  it('writes the annual report as a PDF from the built site, the summary first', () => {
    const out = path.join(work, 'hampshire-2020-21.pdf');
    const run = spawnSync(node, [script, '--year', '2020-21', '--partnership', 'hampshire', '--dist', siteDir(), '--out', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Wrote .*hampshire-2020-21\.pdf \(\d+ pages\)\.\n$/);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text.split('\f')[0]).toContain('Summary');
  });

  it('says how to get a browser when none is installed, and that any browser can print the page', () => {
    const run = spawnSync(
      node,
      [script, '--year', '2020-21', '--partnership', 'hampshire', '--dist', siteDir(), '--out', path.join(work, 'x.pdf')],
      {
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: path.join(work, 'no-such-browser') },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no Chromium, Chrome or Edge was found to print the report with');
    expect(run.stderr).toContain('sudo apt-get install chromium');
  });

  it('says to build first when the report is not in the built site', () => {
    const run = spawnSync(node, [script, '--year', '2030-31', '--partnership', 'hampshire', '--dist', siteDir()], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('there is no annual report for 2030-31 of hampshire');
  });
});
