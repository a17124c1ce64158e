/**
 * Measures in real Chromium (tests/fixtures/measures-plan): axe finds nothing on the pages with
 * charts, the charts print in black on white with their marks told apart by pattern and their
 * labels at a readable size, and in forced-colours (high contrast) mode they take the system's colours.
 */
import { describe, expect, inject, it } from 'vitest';
import { axe, formatViolations, searchResults, useBrowser } from '../helpers/browser.ts';

// Built once per run, by the global setup.
const browser = useBrowser(inject('fixtureDirs')['measures-plan']);

const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

describe('pages with charts', () => {
  it.each([
    '/riverside/measures/cp-second-time/',
    '/riverside/measures/neglect-confidence/',
    '/riverside/measures/missing-episodes/',
    '/riverside/measures/',
    '/riverside/priorities/neglect/',
    '/riverside/',
    '/riverside/years/2021-22/report/',
  ])('%s has no axe violations, on a desktop and on a phone', async (urlPath) => {
    for (const width of [1024, 360]) {
      const violations = await axe(await browser().visit(urlPath, width));
      expect(violations, formatViolations(`${urlPath} at ${width}px`, violations)).toEqual([]);
    }
  });

  it('prints the chart in black on white, its marks told apart by pattern and shape, its labels legible', async () => {
    const page = await browser().open('/riverside/measures/cp-second-time/');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      const smallestLabel = Math.min(...[...document.querySelectorAll('.chart svg text')].map((t) => t.getBoundingClientRect().height));
      return {
        line: style('.chart__line').stroke,
        point: style('.chart__point').fill,
        baseline: [style('.chart__baseline').stroke, style('.chart__baseline').strokeDasharray],
        targetPath: [style('.chart__target-path').stroke, style('.chart__target-path').strokeDasharray],
        lineDash: style('.chart__line').strokeDasharray,
        target: document.querySelector('.chart__target')!.getAttribute('d'),
        smallestLabel,
        chartShown: style('.chart svg').display,
        tableShown: style('.chart-table').display,
      };
    });
    expect(printed.line).toBe('rgb(0, 0, 0)');
    expect(printed.point).toBe('rgb(0, 0, 0)');
    expect(printed.baseline[0]).toBe('rgb(0, 0, 0)');
    expect(printed.targetPath[0]).toBe('rgb(0, 0, 0)');
    // In black and white, the series differ by their dashes: solid values, dashed baseline, dotted path to the target.
    expect(printed.lineDash).toBe('none');
    expect(new Set([printed.lineDash, printed.baseline[1], printed.targetPath[1]]).size).toBe(3);
    expect(printed.target).toMatch(/^M[\d.,LZ]+$/);
    // About 7pt or more on an A4 page.
    expect(printed.smallestLabel).toBeGreaterThanOrEqual(9);
    expect(printed.chartShown).not.toBe('none');
    expect(printed.tableShown).not.toBe('none');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('prints the annual report with each priority’s impact charts in black and white', async () => {
    const page = await browser().open('/riverside/years/2021-22/report/');
    await page.emulateMedia({ media: 'print' });
    const strokes = await page.$$eval('.report-impact .chart__line', (lines) => lines.map((l) => getComputedStyle(l).stroke));
    expect(strokes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(strokes)).toEqual(new Set(['rgb(0, 0, 0)']));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('finds a measure by what it counts, through the search page', async () => {
    const { hrefs } = await searchResults(await browser().visit('/riverside/search/?q=confident'));
    expect(hrefs[0]).toBe('/riverside/measures/neglect-confidence/');
  });

  it('draws the chart in the system colours in forced-colours (high contrast) mode', async () => {
    const page = await browser().open('/riverside/measures/cp-second-time/');
    await page.emulateMedia({ forcedColors: 'active' });
    const colours = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return {
        text: style('main').color,
        line: style('.chart__line').stroke,
        label: style('.chart__label').fill,
        background: style('body').backgroundColor,
      };
    });
    expect(colours.line).toBe(colours.text);
    expect(colours.label).toBe(colours.text);
    expect(colours.line).not.toBe(colours.background);
    await page.close();
  });
});

describe('chart text on screen', () => {
  it.each([320, 375, 768, 1280])('is at least 12px tall as drawn, at %ipx wide, and the page does not scroll sideways', async (width) => {
    const page = await browser().visit('/riverside/measures/cp-second-time/', width);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('.chart svg')].flatMap((svg) => {
        // The text's size in the chart's own units, times how much the chart is scaled to fit its box.
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      }),
    );
    expect(drawn.length).toBeGreaterThan(0);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
});
