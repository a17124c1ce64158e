/**
 * The bundled sites read as HTML, for what each kind of reader comes for: the home page leads
 * with the priorities (each with its code, status, lead and counts) and keeps the vision and
 * statutory text for About; the roll-up rule is stated once and linked wherever status shows;
 * items are named with their codes; and the small things a real site has.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { brandColour } from '../../src/model/content-format.ts';
import { rollUpRule } from '../../src/model/resolve/status.ts';
import { htmlFiles, links, page, siteDir } from '../helpers/site.ts';

const root = siteDir();
const { index } = checkContent('content');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** What a reader sees: tags gone (an <abbr> around a word does not split it), entities read. */
const text = (html: string) =>
  html
    .replace(/<\/?abbr\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the home page', () => {
  for (const site of ['hampshire', 'hounslow']) {
    const partnership = index.partnership(site)!;
    const plan = partnership.currentPlan!;

    it(`lists every priority of ${site}'s current plan with its code, lead and its actions, with statuses only where the plan reports any`, () => {
      const html = mainOf(page(`/${site}/`));
      expect(links(html)).toContain(`/${site}/plans/${plan.id}/`);
      const blocks = html.split('<li class="priority">').slice(1);
      expect(blocks.map((b) => /href="([^"]+)"/.exec(b)?.[1])).toEqual(plan.priorities.map((p) => `/${site}/priorities/${p.id}/`));
      plan.priorities.forEach((priority, i) => {
        const block = text(blocks[i]);
        const { code, title } = priority.entry.data;
        expect(block, priority.id).toContain(code ? `${code}: ${title}` : title);
        expect(block, priority.id).toMatch(/(Led|Its [a-z ]+ are led) by /);
        // Hampshire's plan reports some statuses; Hounslow's none at all.
        if (site === 'hampshire') {
          // Each priority's status, or, where none of its actions reports one, that in one sentence.
          expect(block, priority.id).toMatch(
            /Status (Not started|In progress|Delayed|Complete|Ongoing|Cancelled|No status|No actions)|No status was reported for any of these \d+ actions\./,
          );
          if (priority.actions.length > 0)
            expect(block, priority.id).toMatch(new RegExp(`${priority.actions.length} [a-z ]+ (\\d+ |No status was reported)`));
        } else {
          // Said once, above the list: no priority repeats "No status reported".
          expect(block, priority.id).not.toContain('No status reported');
          if (priority.actions.length > 0) expect(block, priority.id).toMatch(new RegExp(` ${priority.actions.length} (Led|Its )`));
        }
      });
    });

    it(`keeps ${site}'s vision, values and introduction for the About page`, () => {
      const home = text(page(`/${site}/`));
      const about = text(page(`/${site}/about/`));
      const data = partnership.entry.data;
      const samples = [data.vision!.slice(0, 60), data.values[0].name, partnership.entry.body.slice(0, 60)].filter(Boolean);
      for (const sample of samples) {
        expect(home, sample).not.toContain(sample);
        expect(about, sample).toContain(sample);
      }
      expect(home).not.toContain(rollUpRule.slice(0, 60));
    });
  }

  it("says what Hounslow's plan does not report once, not on every row of its home page, year page or report", () => {
    const count = (url: string) => (text(mainOf(page(url))).match(/No status reported/g) ?? []).length;
    expect(count('/hounslow/')).toBe(0);
    expect(count('/hounslow/years/2019-20/')).toBe(0);
    // The report keeps one mention: the sentence explaining what the words mean.
    expect(count('/hounslow/years/2019-20/report/')).toBeLessThanOrEqual(1);
    const report = text(mainOf(page('/hounslow/years/2019-20/report/')));
    expect(report).toContain(
      'None of the strategic objectives of 2019-20 had a status at the end of the year, a due date or a progress update recorded in the plan.',
    );
    expect(report).not.toMatch(/Not set|None reported/);
  });

  it('says once, above the priorities, that a plan reports no status at all', () => {
    const home = text(mainOf(page('/hounslow/')));
    // Hounslow's 37 actions give no status, and its plan ended in March 2021.
    expect(home).toContain('No status was reported for any of these 37 strategic objectives.');
    expect(home).not.toContain('No status reported');
  });
});

describe('status', () => {
  const files = htmlFiles(root);

  it('states the roll-up rule on one page per site (and in the printed annual reports), not on every page', () => {
    const stating = files.filter((f) => readFileSync(path.join(root, f), 'utf8').includes(rollUpRule));
    expect(stating.filter((f) => !/\/years\/[^/]+\/report\/index\.html$/.test(f))).toEqual([
      'hampshire/how-status-is-worked-out/index.html',
      'hounslow/how-status-is-worked-out/index.html',
    ]);
  });

  it('links "How status is worked out" from every page that shows a status', () => {
    const unlinked = files
      .filter((f) => !f.endsWith('report/index.html') && !f.includes('how-status-is-worked-out'))
      .filter((f) => {
        const html = readFileSync(path.join(root, f), 'utf8');
        const site = f.split('/')[0];
        return /class="tag tag--(?!stale)/.test(mainOf(html)) && !links(html).includes(`/${site}/how-status-is-worked-out/`);
      });
    expect(unlinked).toEqual([]);
  });
});

describe('codes and links', () => {
  it('names an item by its code in breadcrumbs and in the lists of its actions', () => {
    const action = index.partnership('hounslow')!.actions.find((a) => a.priority?.entry.data.code === 'P2')!;
    const html = page(`/hounslow/actions/${action.id}/`);
    const crumbs = html.slice(html.indexOf('aria-label="Breadcrumb"'), html.indexOf('</nav>', html.indexOf('aria-label="Breadcrumb"')));
    expect(text(crumbs)).toContain('P2: Neglect');
    expect(text(page('/hounslow/groups/neglect-task-and-finish-group/'))).toContain('Priority P2: Neglect');
  });

  it("links every year in a list of work to the year's page", () => {
    const html = mainOf(page('/hounslow/groups/safeguarding-effectiveness-sub-group/'));
    const years = [...html.matchAll(/Years?:\s*((?:<!--[^>]*-->|<a [^>]*>[^<]*<\/a>|[\s,])+)/g)].map((m) => m[1]);
    expect(years.length).toBeGreaterThan(0);
    for (const list of years) expect(list).toMatch(/^<a href="\/hounslow\/years\/\d{4}-\d{2}\/">/);
  });

  it('shows a group page its work by priority, with status counts for each priority where any is reported', () => {
    const html = mainOf(page('/hampshire/groups/neglect-task-and-finish-group/'));
    const sections = html.split('<h3>').slice(1);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections)
      expect(text(section)).toMatch(/\d+ actions?: (\d+ (Not started|In progress|Delayed|Complete|Ongoing|Cancelled|No status)|No status)/);
  });

  it('says once on a group page that none of its work reports a status, not on every priority', () => {
    const html = mainOf(page('/hounslow/groups/safeguarding-effectiveness-sub-group/'));
    const sections = html.split('<h3>').slice(1);
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      expect(text(section)).toMatch(/\d+ strategic objectives? /);
      expect(text(section)).not.toContain('No status');
    }
    expect(text(html).match(/No status (was|has been) reported for any of these \d+ strategic objectives\./g)).toHaveLength(1);
  });
});

describe('small things', () => {
  it("gives each site an icon in the partnership's colour", () => {
    for (const site of ['hampshire', 'hounslow']) {
      expect(page(`/${site}/about/`)).toContain(`<link rel="icon" type="image/svg+xml" href="/${site}/favicon.svg">`);
      const svg = readFileSync(path.join(root, site, 'favicon.svg'), 'utf8');
      const colour = brandColour(index.partnership(site)!.entry.data);
      // Both bundled partnerships set a colour under branding:, so the icon must not fall back to the tool's.
      expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(svg).toContain(`fill="${colour}"`);
    }
    // Hounslow's purple differs from the tool's default blue: a fallback would show here.
    expect(readFileSync(path.join(root, 'hounslow', 'favicon.svg'), 'utf8')).toContain('fill="#5c2d91"');
  });

  it('has a "Page not found" page for each site, and one at the root listing the sites', () => {
    for (const site of ['hampshire', 'hounslow']) {
      const html = readFileSync(path.join(root, site, '404.html'), 'utf8');
      expect(html).toContain(`action="/${site}/search/"`);
      const priorities = index.partnership(site)!.currentPlan!.priorities.map((p) => `/${site}/priorities/${p.id}/`);
      expect(links(mainOf(html))).toEqual(expect.arrayContaining(priorities));
    }
    expect(links(mainOf(readFileSync(path.join(root, '404.html'), 'utf8')))).toEqual(['/hampshire/', '/hounslow/']);
    expect(existsSync(path.join(root, 'hampshire', '404'))).toBe(false);
  });

  it('declares nothing for a partnership that has not published its accessibility statement', () => {
    for (const site of ['hampshire', 'hounslow']) {
      const main = text(mainOf(page(`/${site}/accessibility/`)));
      expect(main).toContain('has not yet published its own accessibility statement for this website');
      expect(main).not.toMatch(/compliant|working days|committed to making/);
    }
  });

  it('never passes the build date off as the date the accessibility statement was reviewed', () => {
    for (const site of ['hampshire', 'hounslow']) {
      const html = page(`/${site}/accessibility/`);
      const preparation = html.slice(html.indexOf('id="preparation"'), html.indexOf('</main>'));
      // The bundled content records no review, and the build date (23 November 2026) is not one.
      expect(text(preparation)).toContain('The partnership has not recorded a review of it.');
      expect(preparation.slice(0, preparation.indexOf('page-history'))).not.toMatch(/2026|<time/);
    }
  });
});

describe('plain words', () => {
  it("says who leads a priority's work in the plan's own word for its actions, not 'Led through its actions by'", () => {
    const home = text(mainOf(page('/hampshire/')));
    expect(home).not.toContain('Led through its actions by');
    expect(home).toMatch(/Its actions are led by/);
  });

  it('explains BRAG the first time an action page uses it, on a plan rated on that scale', () => {
    const html = page('/kingsford/actions/disruption-toolkit/', inject('fixtureDirs')['coded-brag']);
    expect(mainOf(html)).toMatch(/<abbr title="Blue, red, amber, green: [^"]+">BRAG<\/abbr>/);
  });
});
