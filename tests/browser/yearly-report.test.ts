/**
 * The yearly report as the board gets it (issue 22): the fixture partnership that wrote its
 * 2021-22 report in full, printed by `npm run report` and read back with pdftotext page by page
 * and pdfinfo; and a bundled plan, which wrote no narrative, saying so plainly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { siteDir } from '../helpers/site.ts';

const fixture = inject('fixtureDirs')['yearly-report'];
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-yearly-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints a built site's report for a year with `npm run report`; the PDF's path. */
function printed(dist: string, year: string, partnership?: string): string {
  const out = path.join(work, `${partnership ?? 'site'}-${year}.pdf`);
  const args = ['scripts/report.ts', '--year', year, '--dist', dist, '--out', out, ...(partnership ? ['--partnership', partnership] : [])];
  const run = spawnSync(path.resolve('node_modules/.bin/node'), args, { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return out;
}

/** Each page's lines, without blank ones, the running header and the page number. */
function pagesOf(pdf: string): string[][] {
  const run = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = run.stdout.split('\f').filter((page) => page.trim() !== '');
  return pages.map((page) =>
    page
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => line !== '' && !/^Page \d+ of \d+$/.test(line) && !line.includes('· Annual progress report')),
  );
}

/** One bookmark of a PDF's outline: its title, the page it opens and how deep it is (1 = top). */
interface Bookmark {
  title: string;
  page: number;
  depth: number;
}

/** A PDF's outline, read back with poppler's pdftohtml, which writes it as nested <outline> items. */
function outlineOf(pdf: string): Bookmark[] {
  const xml = spawnSync('pdftohtml', ['-xml', '-i', '-stdout', pdf], { encoding: 'utf8' }).stdout;
  const entity: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const bookmarks: Bookmark[] = [];
  let depth = 0;
  for (const [tag] of xml.matchAll(/<outline>|<\/outline>|<item page="\d+">[^<]*<\/item>/g)) {
    if (tag === '<outline>') depth++;
    else if (tag === '</outline>') depth--;
    else {
      const [, page, title] = /<item page="(\d+)">([^<]*)</.exec(tag)!;
      // Any run of spaces (a no-break space included) reads as one space in a bookmark.
      const text = title.replace(/&(\w+);/g, (all, name: string) => entity[name] ?? all).replace(/\s+/g, ' ');
      bookmarks.push({ title: text, page: Number(page), depth });
    }
  }
  return bookmarks;
}

const sectionsInOrder = [
  'Foreword',
  'Summary',
  'Impact on children and families',
  'Areas of little or no progress',
  'Decisions and actions on reviews',
  'Feedback from children and families',
  'Independent scrutiny',
  'Funding and contributions',
  'Our training offer',
  'How status is worked out',
];

describe('a yearly report written in full, printed for the board', () => {
  const pdf = printed(fixture, '2021-22');
  const pages = pagesOf(pdf);
  const text = pages.map((lines) => lines.join('\n')).join('\n');

  it('is a tagged PDF, so a screen reader gets its structure', () => {
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('has an outline (bookmarks) listing the cover, then every part of the report in order, each opening its page', () => {
    const outline = outlineOf(pdf);
    expect(outline[0]).toMatchObject({ depth: 1, page: 1 });
    // The heading's caption and its title, with the space between them a reader expects.
    expect(outline[0].title).toBe('Riverside Safeguarding Children Partnership Annual progress report 2021-22');
    const parts = outline.filter((b) => b.depth === 2);
    expect(parts.map((b) => b.title)).toEqual([
      'Contents',
      ...sectionsInOrder.slice(0, -1),
      'Priority P1: Responding to neglect',
      'Priority P2: Children who go missing',
      'How status is worked out',
    ]);
    // In reading order, and each bookmark opens the page its heading is printed on.
    expect(parts.map((b) => b.page)).toEqual([...parts.map((b) => b.page)].sort((a, b) => a - b));
    for (const part of parts.slice(1)) {
      const heading = part.title.replace(/^Priority /, '');
      expect(
        pages[part.page - 1].some((line) => line.endsWith(heading)),
        `${part.title} on page ${part.page}`,
      ).toBe(true);
    }
    // Beneath the sections: the plan's own list, the review, and each priority's outcomes and measures.
    const under = (title: string) => {
      const at = outline.findIndex((b) => b.title.endsWith(title));
      const rest = outline.slice(at + 1);
      const end = rest.findIndex((b) => b.depth <= outline[at].depth);
      return rest.slice(0, end === -1 ? undefined : end).map((b) => b.title);
    };
    expect(under('Areas of little or no progress')).toEqual(['What the plan shows']);
    expect(under('Decisions and actions on reviews')).toEqual(['Child R: local child safeguarding practice review']);
    expect(under('P1: Responding to neglect')).toEqual([
      'Outcomes',
      'Impact: measures at 31 March 2022',
      'Children subject to a child protection plan for a second time',
      'Practitioners confident to identify neglect',
      'Objective: Train the workforce to recognise neglect',
    ]);
  });

  it('opens with a cover: the partnership, the year and its headline figures, alone on the first page', () => {
    const cover = pages[0].join('\n');
    expect(cover).toContain('Riverside Safeguarding Children Partnership');
    expect(cover).toContain('Annual progress report 2021-22');
    // Of the three actions only the toolkit was complete on 31 March 2022; the return home
    // interviews action and the second-time plans measure showed little or no progress; neither
    // of Child R's two recommendations was complete by then.
    expect(pages[0].slice(-3)).toEqual([
      '3 actions planned for 2021-22, 1 complete at the end of 2021-22',
      '2 areas of little or no progress',
      '2 review recommendations, 0 complete at the end of 2021-22',
    ]);
    expect(cover).not.toContain('Contents');
    expect(cover).not.toContain('Foreword');
  });

  it('gives the contents the top of the second page, every part named', () => {
    expect(pages[1][0]).toBe('Contents');
    const contents = pages[1].join('\n');
    for (const heading of sectionsInOrder) expect(contents).toContain(heading);
    expect(contents).toContain('3 actions were planned for 2021-22 under 2 priorities');
  });

  it('records the decisions and actions on the review, as they stood at the year end', () => {
    const start = text.lastIndexOf('Decisions and actions on reviews');
    const section = text.slice(start, text.indexOf('Feedback from children and families', start));
    expect(section).toContain('Child R: local child safeguarding practice review');
    expect(section).toMatch(/Recommendation R1: In progress/);
    expect(section).toMatch(/Recommendation R2: Delayed/);
    expect(section).not.toContain('30 June 2022');
  });

  it('prints every section in the guidance’s order, then its own, then the priorities', () => {
    const lines = pages.slice(1).flat();
    // The last line that is the heading alone: the contents on page 2 may name it on a line of its own too.
    const at = (heading: string) => lines.lastIndexOf(heading);
    const body = sectionsInOrder.slice(2);
    for (const heading of body) expect(at(heading), heading).toBeGreaterThan(-1);
    expect(body.map(at)).toEqual([...body.map(at)].sort((a, b) => a - b));
    expect(at('P1: Responding to neglect')).toBeGreaterThan(at('Our training offer'));
    expect(text).toContain('Fewer children became subject to a child protection plan for a second time');
    expect(text).not.toContain('Sections not written');
  });

  it('lists the areas of little or no progress from the plan itself, with the rule', () => {
    const section = text.slice(
      text.indexOf('What the plan shows'),
      text.indexOf('Decisions and actions on reviews', text.indexOf('What the plan shows')),
    );
    expect(section).toContain('An action of the year is listed when');
    // The return home interviews action reported nothing by 31 March 2022; the second-time plans
    // measure (254 against a path from 312 to 200) was behind.
    expect(section).toMatch(/Offer every child a return home interview[\s\S]*nothing\sreported/);
    expect(section).toContain('Children subject to a child protection plan for a second time: not on track for target');
    expect(section).not.toContain('Run multi-agency neglect courses');
  });

  it('never ends a page with a heading whose text is on the next', () => {
    const headings = new Set([...sectionsInOrder, 'Contents', 'What the plan shows', 'Priority', 'Outcomes']);
    const orphans = pages.slice(0, -1).flatMap((lines, i) => (headings.has(lines.at(-1) ?? '') ? [`page ${i + 1}: ${lines.at(-1)}`] : []));
    expect(orphans).toEqual([]);
  });
});

describe('a bundled plan with no narrative', () => {
  const browser = useBrowser(siteDir());

  it('says plainly which sections the partnership has not written, once, and pads none', async () => {
    const page = await browser().visit('/hampshire/years/2021-22/report/');
    const notWritten = await page.locator('.report-not-written').innerText();
    expect(notWritten).toContain('Working Together to Safeguard Children 2023 asks the yearly report for 6 sections');
    expect(notWritten).toContain('The partnership has not written any of them');
    for (const heading of [
      'Impact on children and families',
      'Decisions and actions on reviews',
      'Independent scrutiny',
      'Funding and contributions',
    ])
      expect(notWritten).toContain(heading);
    // No empty section stands in for one not written.
    expect(await page.locator('#section-impact, #section-reviews, #section-scrutiny').count()).toBe(0);
  });
});

describe('a long year printed: the bundled Hounslow 2019-20 report, whose tables run across pages', () => {
  const pages = pagesOf(printed(siteDir(), '2019-20', 'hounslow'));
  // Hounslow calls its actions Strategic Objectives; each table's header row, and its caption.
  const headers = ['Strategic Objective Lead and group responsible', 'Priority Actions'];
  const caption = /^(Strategic Objectives in 2019-20 under|Each priority of the Business Plan)/;
  const joined = (lines: string[]) => lines.join(' ');

  it('has tables long enough to run onto a second page, their header repeated there', () => {
    const continued = pages.slice(1).filter((lines) => joined(lines.slice(0, 3)).startsWith(headers[0]));
    expect(continued.length).toBeGreaterThan(0);
  });

  it("never ends a page with a table's header or caption whose rows are all on the next", () => {
    const orphans = pages.slice(0, -1).flatMap((lines, i) => {
      const foot = joined(lines.slice(-3));
      const header = headers.find((h) => foot.endsWith(h));
      const captioned = lines.slice(-2).find((line) => caption.test(line));
      return header || captioned ? [`page ${i + 1} ends with: ${header ?? captioned}`] : [];
    });
    expect(orphans).toEqual([]);
  });
});
