/**
 * The annual progress report as a business manager gets it: printed to PDF by Chromium, A4,
 * with no navigation, each priority starting a new page.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const browser = useBrowser(siteDir());

/** The page count of a PDF: its page objects ("/Type /Page", not "/Type /Pages"). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

describe.each([
  ['hampshire', '2020-21', 7],
  ['hounslow', '2019-20', 12],
])('the %s annual report for %s, printed', (site, year, priorities) => {
  it('has one section per priority, each starting a new page, and no navigation chrome', async () => {
    const page = await browser().open(`/${site}/years/${year}/report/`);
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      sections: [...document.querySelectorAll('.report-priority')].map((s) => ({
        breakBefore: getComputedStyle(s).breakBefore,
        heading: s.querySelector('h2')?.textContent ?? '',
      })),
      chromeShown: ['.header', '.nav', '.footer', '.breadcrumbs', '.skip-link'].filter((selector) => {
        const element = document.querySelector(selector);
        return element && getComputedStyle(element).display !== 'none';
      }),
    }));
    expect(layout.sections).toHaveLength(priorities);
    expect(layout.sections.every((s) => s.breakBefore === 'page')).toBe(true);
    expect(layout.chromeShown).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    // The summary, then at least one page per priority.
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(priorities + 1);
    await page.close();
  });
});
