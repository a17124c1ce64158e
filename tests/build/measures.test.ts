/**
 * Measures on a built site (tests/fixtures/measures-plan: invented figures for five measures),
 * read back from the HTML, SVG and CSV a reader gets: the chart's points sit where the figures
 * say, the baseline and target are drawn, the text alternative states the first, latest and
 * target values, and every item shows the measures that evidence it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/open-data/csv.ts';
import { planJsonSchema } from '../../src/open-data/plan-json.ts';
import { links, page } from '../helpers/site.ts';

/** The fixture's site, built once per run by the global setup, which fails the run if the build does not succeed. */
const out = inject('fixtureDirs')['measures-plan'];

const html = (urlPath: string) => page(urlPath, out);
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const elements = (markup: string, pattern: RegExp) => [...markup.matchAll(pattern)].map((m) => attrs(m[0]));

/** The y of each y-axis label, by its text: the scale a reader reads the chart by. */
function yAxis(svg: string): Map<number, number> {
  const group = /<g class="chart__tick" text-anchor="end">(.*?)<\/g>/.exec(svg)![1];
  return new Map(
    [...group.matchAll(/<text x="[\d.]+" y="([\d.]+)">([^<]+)<\/text>/g)].map((m) => [Number(m[2].replace(/[%,]/g, '')), Number(m[1]) - 5]),
  );
}

describe('a measure page', () => {
  const measurePage = () => html('/riverside/measures/cp-second-time/');
  const svg = () => /<svg viewBox="0 0 640 300"[\s\S]*?<\/svg>/.exec(measurePage())![0];

  it('draws each value where the y-axis labels say it is, in date order', () => {
    const points = elements(svg(), /<circle class="chart__point"[^>]*>/g);
    expect(points.map((p) => [p['data-date'], Number(p['data-value'])])).toEqual([
      ['2021-03-31', 290],
      ['2022-03-31', 254],
    ]);
    const axis = yAxis(svg());
    // Two labelled gridlines give the scale; each point's height must match its value on it.
    const [[v0, y0], [v1, y1]] = [...axis.entries()].slice(0, 2);
    const yOf = (value: number) => y0 + ((value - v0) * (y1 - y0)) / (v1 - v0);
    for (const p of points) expect(Number(p.cy)).toBeCloseTo(yOf(Number(p['data-value'])), 0);
    expect(Number(points[1].cx)).toBeGreaterThan(Number(points[0].cx));
    expect(axis.get(0)).toBeDefined();
    // The line joins the points.
    expect(attrs(/<path class="chart__line"[^>]*>/.exec(svg())![0]).d).toBe(
      `M${points[0].cx},${points[0].cy}L${points[1].cx},${points[1].cy}`,
    );
  });

  it('marks the baseline and the target, each labelled in words', () => {
    const axis = yAxis(svg());
    const [[v0, y0], [v1, y1]] = [...axis.entries()].slice(0, 2);
    const yOf = (value: number) => y0 + ((value - v0) * (y1 - y0)) / (v1 - v0);
    const baseline = attrs(/<line class="chart__baseline"[^>]*>/.exec(svg())![0]);
    expect(Number(baseline.y1)).toBeCloseTo(yOf(312), 0);
    expect(svg()).toContain('Baseline 312');
    expect(svg()).toMatch(/<g data-target="200" data-date="2023-03-31"><path class="chart__target"/);
    expect(svg()).toContain('Target 200');
  });

  it('has a text alternative that states the first, latest and target values, and the figures in a table', () => {
    const markup = measurePage();
    expect(markup).toMatch(/<svg [^>]*role="img" aria-labelledby="measure-chart-caption"/);
    expect(text(/<figcaption id="measure-chart-caption">.*?<\/figcaption>/.exec(markup)![0]).trim()).toBe(
      'Down from a baseline of 312 in March 2020 to 254 in March 2022; target 200 by March 2023.',
    );
    const table = text(/<table class="chart-table">.*?<\/table>/.exec(markup)![0]);
    expect(table).toContain('March 2020 Baseline 312');
    expect(table).toContain('March 2022 Value 254 provisional');
    expect(table).toContain('March 2023 Target (by then) 200');
  });

  it('says its status and why, what it evidences, its source and definition', () => {
    const page = text(measurePage());
    expect(page).toContain('Status: Not on track for target 254 in March 2022 is worse than a steady path');
    expect(page).toContain('P1: Responding to neglect (outcome 1: Fewer children need a child protection plan for a second time.');
    expect(page).toContain('Children in need census, Riverside Council');
    expect(page).toContain('Counted at 31 March each year');
  });

  it('breaks the line where a quarter is missing, and says so', () => {
    const markup = html('/riverside/measures/neglect-confidence/');
    expect(/<path class="chart__line" d="([^"]+)"/.exec(markup)![1].match(/M/g)).toHaveLength(2);
    expect(text(markup)).toContain('one gap where values are missing');
  });

  it('draws a bar chart from zero for a measure that asks for one', () => {
    const markup = html('/riverside/measures/missing-episodes/');
    const bars = elements(markup, /<rect class="chart__bar" [^>]*data-value[^>]*>/g);
    expect(bars.map((b) => Number(b['data-value']))).toEqual([41.2, 37.9, 35.4]);
    const bottoms = bars.map((b) => Number(b.y) + Number(b.height));
    expect(new Set(bottoms.map(Math.round)).size).toBe(1);
    expect(Number(bars[0].height) / 41.2).toBeCloseTo(Number(bars[2].height) / 35.4, 1);
  });

  it('claims no trend from one value, and says when data stopped', () => {
    expect(text(html('/riverside/measures/return-interview-days/'))).toContain('Too little data to judge');
    expect(text(html('/riverside/measures/strategy-meetings/'))).toContain('No data since March 2020');
  });

  it('carries no style attribute, which the Content-Security-Policy would refuse', () => {
    for (const urlPath of [
      '/riverside/measures/cp-second-time/',
      '/riverside/measures/',
      '/riverside/priorities/neglect/',
      '/riverside/years/2021-22/report/',
    ]) {
      const body = html(urlPath).split('<body')[1];
      expect(body).not.toMatch(/\sstyle=/);
    }
  });
});

describe('measures where they are listed', () => {
  it('lists every measure with its status, sparkline and latest value on the Measures page, linked from home', () => {
    const markup = html('/riverside/measures/');
    expect(markup.match(/<svg class="sparkline"/g)).toHaveLength(5);
    expect(text(markup)).toContain('Practitioners confident to identify neglect On track for target');
    expect(text(markup)).toContain('Latest: 71% in June 2022 Target: 75% by March 2023');
    expect(links(html('/riverside/'))).toContain('/riverside/measures/');
  });

  it('shows the measures on every item they evidence, with the outcome they evidence', () => {
    const priority = text(html('/riverside/priorities/neglect/'));
    expect(priority).toContain('Children subject to a child protection plan for a second time (evidence for outcome 1');
    expect(priority).toContain('Number of neglect audits completed');
    for (const urlPath of ['/riverside/objectives/neglect-training/', '/riverside/actions/neglect-courses/']) {
      expect(links(html(urlPath))).toContain('/riverside/measures/neglect-confidence/');
    }
  });

  it('styles charts on the pages that show them, and sends no chart styles to pages that show none', () => {
    const inlined = (markup: string) => [...markup.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    const linked = '<link rel="stylesheet" href="/riverside/charts.css">';
    // The measure pages inline their styles: one round trip.
    for (const urlPath of ['/riverside/measures/cp-second-time/', '/riverside/measures/']) {
      expect(inlined(html(urlPath)), urlPath).toMatch(/\.chart__point\{/);
      expect(inlined(html(urlPath)), urlPath).toMatch(/\.sparkline\{/);
    }
    // Pages that show measures among other things link them; the stylesheet is published.
    for (const urlPath of ['/riverside/actions/neglect-courses/', '/riverside/years/2021-22/report/']) {
      expect(html(urlPath), urlPath).toContain(linked);
      expect(inlined(html(urlPath)), urlPath).not.toMatch(/\.chart__point\{/);
    }
    const css = readFileSync(path.join(out, 'riverside/charts.css'), 'utf8');
    expect(css).toContain('.chart__point');
    expect(css).toContain('.sparkline');
    // An action citing no measure carries none of it.
    const plain = html('/riverside/actions/return-interviews/');
    expect(plain).not.toContain(linked);
    expect(inlined(plain)).not.toMatch(/\.chart__|\.sparkline|\.measures-list/);
  });

  it('draws the status breakdown beside the counts in words on the home, plan, priority, group and year pages', () => {
    for (const urlPath of [
      '/riverside/',
      '/riverside/plans/business-plan/',
      // Objectives and no actions of its own: the breakdown counts the actions under them.
      '/riverside/priorities/neglect/',
      '/riverside/groups/quality-group/',
      '/riverside/years/2021-22/',
    ]) {
      const markup = html(urlPath);
      expect(markup, urlPath).toMatch(/<div class="breakdown"><svg [^>]*aria-hidden="true"/);
      expect(markup, urlPath).toMatch(/<ul class="tally" aria-label="[A-Z][a-z ]+ by status, \d+ in all">/);
    }
    // A priority whose one action reports no status: no bar of nothing, one sentence that reads right for one.
    expect(html('/riverside/priorities/missing/')).not.toContain('<div class="breakdown">');
    expect(html('/riverside/priorities/missing/')).toContain('No status has been reported for this action.');
    expect(html('/riverside/')).toContain('No status has been reported for this action.');
    // The bar's parts are in proportion to the counts: 1 complete, 1 in progress, 1 with none reported.
    const parts = elements(html('/riverside/'), /<rect class="breakdown__part[^>]*>/g);
    expect(parts.map((p) => [p.class.split('--')[1], p['data-count']])).toEqual([
      ['in-progress', '1'],
      ['complete', '1'],
      ['none', '1'],
    ]);
    expect(new Set(parts.map((p) => Math.round(Number(p.width)))).size).toBe(1);
  });
});

describe('ways to a measure', () => {
  it('indexes a measure page for search by its title and what it counts, as a Measure of its priority', () => {
    const body = /<div hidden data-pagefind-body>.*?<\/div>/s.exec(html('/riverside/measures/neglect-confidence/'))![0];
    expect(body).toContain('<span data-pagefind-meta="title" data-pagefind-ignore>Practitioners confident to identify neglect</span>');
    expect(body).toContain('<span data-pagefind-filter="type" data-pagefind-ignore>Measure</span>');
    expect(body).toContain('<span data-pagefind-filter="priority" data-pagefind-ignore>P1: Responding to neglect</span>');
    expect(body).toContain('Practitioners answering');
  });

  it('links the plan page to the measures, and explains the measure status rule with the other statuses', () => {
    expect(links(html('/riverside/plans/business-plan/'))).toContain('/riverside/measures/');
    expect(text(html('/riverside/how-status-is-worked-out/'))).toContain('A measure’s status comes from its latest value.');
  });
});

describe('links', () => {
  it('leads from every measure page, the Measures page and the items citing them only to pages that exist', () => {
    const measurePages = readdirSync(path.join(out, 'riverside/measures'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `/riverside/measures/${e.name}/`);
    expect(measurePages).toHaveLength(5);
    const from = [...measurePages, '/riverside/measures/', '/riverside/priorities/neglect/', '/riverside/years/2021-22/report/'];
    const broken = from.flatMap((urlPath) =>
      links(html(urlPath))
        .filter((href) => href.startsWith('/riverside/'))
        .filter((href) => !existsSync(path.join(out, href.split('#')[0], href.endsWith('/') ? 'index.html' : '')))
        .map((href) => `${urlPath} -> ${href}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('the annual report', () => {
  it("gives each priority's impact: each measure's value at the end of the year against baseline and target, with its chart", () => {
    const report = html('/riverside/years/2021-22/report/');
    const neglect = text(
      /<section class="report-priority" aria-labelledby="p-neglect">.*?(?=<section class="report-priority"|<\/article>)/s.exec(report)![0],
    );
    expect(neglect).toContain('Impact: measures at 31 March 2022');
    expect(neglect).toContain('At the end of 2021-22 254 in March 2022 Baseline 312 in March 2020 Target 200 by March 2023');
    // Judged on the last day of the year, from the values up to then.
    expect(neglect).toContain('At the end of 2021-22 68.5% in March 2022');
    expect(neglect).not.toContain('71% in June 2022');
    expect(report.match(/<figure class="chart">/g)!.length).toBeGreaterThanOrEqual(4);
  });
});

describe('open data', () => {
  it('publishes one row per value in measures.csv, and the measures in plan.json', () => {
    const { rows } = parseCsv(readFileSync(path.join(out, 'riverside/data/measures.csv'), 'utf8'));
    expect(rows[0]).toEqual(['measure', 'title', 'unit', 'date', 'value', 'note', 'url']);
    expect(rows.filter((r) => r[0] === 'neglect-confidence')).toHaveLength(7);
    expect(rows).toContainEqual([
      'cp-second-time',
      'Children subject to a child protection plan for a second time',
      'number',
      '2022-03-31',
      '254',
      'provisional',
      // Built for https://plan.example.org.uk, so the address is whole (src/site/absolute.ts).
      'https://plan.example.org.uk/riverside/measures/cp-second-time/',
    ]);
    const json = planJsonSchema.parse(JSON.parse(readFileSync(path.join(out, 'riverside/data/plan.json'), 'utf8')));
    const cp = json.measures.find((m) => m.id === 'cp-second-time')!;
    expect(cp.status.kind).toBe('not-on-track');
    expect(cp.evidences).toEqual([expect.objectContaining({ id: 'neglect', outcome: 1 })]);
    expect(json.plans[0].priorities[0].evidencedBy).toEqual([
      { measure: 'cp-second-time', outcome: 1 },
      { measure: 'neglect-confidence', outcome: 2 },
    ]);
  });
});
