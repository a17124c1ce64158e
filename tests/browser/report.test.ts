/**
 * The annual progress report as a business manager gets it for the board: printed to PDF by
 * Chromium on A4, read back page by page with pdftotext. A summary first, on its own page; the
 * partnership's name, the year and the page number on every page; no page that is less than a
 * quarter full except the last; no navigation.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // A cover first (the partnership, the year, its headline figures), then the summary on its
    // own: no priority's section begins before the summary has ended.
    expect(pages[0]).toContain(`Annual progress report ${year}`);
    expect(pages[0]).not.toContain('Summary');
    expect(pages[0]).not.toContain(`Status at the end of ${year}:`);
    expect(pages[1]).toContain('Summary');
    expect(pages[1]).not.toContain(`Status at the end of ${year}:`);
    pages.forEach((text, i) => {
      // The running header and the page number on every page.
      expect(text, `page ${i + 1}`).toContain(`${name} · Annual progress report ${year}`);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // No page but the last of each part (the cover, the summary, and the sections) is less than a quarter full.
    const full = Math.max(...pages.map(lines));
    const nearlyEmpty = pages
      .map((text, i) => ({ page: i + 1, lines: lines(text) }))
      .filter((p, i) => i > 1 && i !== pages.length - 1 && p.lines < full / 4);
    expect(nearlyEmpty).toEqual([]);
  });
});

describe('npm run report', () => {
  const node = path.resolve('node_modules/.bin/node');
  const script = path.resolve('scripts/report.ts');

  it('writes the annual report as a PDF from the built site, the cover then the summary first', () => {
    const out = path.join(work, 'hampshire-2020-21.pdf');
    const run = spawnSync(node, [script, '--year', '2020-21', '--partnership', 'hampshire', '--dist', siteDir(), '--out', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Wrote .*hampshire-2020-21\.pdf \(\d+ pages\)\.\n$/);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    const [cover, second] = text.split('\f');
    expect(cover).toContain('Annual progress report 2020-21');
    expect(second).toContain('Summary');
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

  const report = (args: string[]) => spawnSync(node, [script, ...args], { encoding: 'utf8' });

  it('refuses a partnership that is not one of the built sites, even a path to one, and suggests the nearest', () => {
    const out = path.join(work, 'not-a-partnership.pdf');
    // A path that leads to the Hampshire site's files from dist/, but is no partnership's id.
    const sideways = `../${path.basename(siteDir())}/hampshire`;
    const run = report(['--year', '2020-21', '--partnership', sideways, '--dist', siteDir(), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`there is no site for the partnership "${sideways}"`);
    expect(run.stderr).toContain('hampshire, hounslow');
    expect(existsSync(out)).toBe(false);

    const typo = report(['--year', '2020-21', '--partnership', 'hampshir', '--dist', siteDir(), '--out', out]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('did you mean "hampshire"?');
    expect(existsSync(out)).toBe(false);
  });

  it('names the years that have a report when asked for one that has none', () => {
    const run = report(['--year', '2023-24', '--partnership', 'hampshire', '--dist', siteDir()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('there is no annual report for 2023-24 of hampshire');
    // Hampshire's plan runs 2020-2023.
    expect(run.stderr).toContain('it has reports for 2020-21, 2021-22, 2022-23');
  });

  it('writes no PDF of a page that is not the annual report', () => {
    // A built site whose report page was replaced by its "Page not found" page.
    const dist = path.join(work, 'not-a-report');
    mkdirSync(path.join(dist, 'hampshire/years/2020-21/report'), { recursive: true });
    cpSync(path.join(siteDir(), 'hampshire/data'), path.join(dist, 'hampshire/data'), { recursive: true });
    writeFileSync(path.join(dist, 'hampshire/years/2020-21/report/index.html'), readFileSync(path.join(siteDir(), 'hampshire/404.html')));
    const out = path.join(work, 'page-not-found.pdf');
    const run = report(['--year', '2020-21', '--partnership', 'hampshire', '--dist', dist, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the page at /hampshire/years/2020-21/report/ is not the annual report for 2020-21');
    expect(run.stdout).not.toContain('Wrote');
    expect(existsSync(out)).toBe(false);
  });

  it('says to build first when the report is not in the built site', () => {
    const run = spawnSync(node, [script, '--year', '2030-31', '--partnership', 'hampshire', '--dist', siteDir()], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('there is no annual report for 2030-31 of hampshire');
  });
});
