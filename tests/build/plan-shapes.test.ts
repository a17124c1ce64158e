/**
 * Every partnership's plan, not just the two bundled ones: three other real shapes of plan, as
 * fixtures in tests/fixtures/, each checked, built and read back from its HTML, CSV and report.
 *
 * (a) strands-plan: priorities with an aim, numbered outcomes and measures, actions tagged by four
 *     strands; no reporting years and no groups, on purpose; an open-ended period; two priorities
 *     each with an objective called "prevent".
 * (b) shared-plan: one plan owned by two partnerships, written once, with a priority shared with
 *     the area's Safeguarding Adults Board (a body with no plan, so no site).
 * (c) coded-plan: coded lines (1a.1) with a strategic lead beside a lead sub-group shared by
 *     several partnerships (from a regional body's folder), due quarters, measures and a BRAG
 *     scale; some work overdue.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../src/model/check.ts';
import { actionColumns } from '../../src/open-data/actions-csv.ts';
import { parseCsv } from '../../src/open-data/csv.ts';
import { links, page } from '../helpers/site.ts';

const fixture = (name: string) => path.resolve('tests/fixtures', name, 'content');
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-shapes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
/**
 * Each fixture's site, built once per run by the global setup, which fails the run if a build
 * does not succeed: as of the fixture's own build date, for https://plan.example.org.uk.
 */
const built = inject('fixtureDirs');

/** The text of an element's contents with tags and runs of space removed: what a reader sees. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** actions.csv as rows keyed by column. */
function csvRows(out: string, site: string): Array<Record<string, string>> {
  const { rows } = parseCsv(readFileSync(path.join(out, site, 'data/actions.csv'), 'utf8'));
  const [header, ...body] = rows;
  expect(header).toEqual([...actionColumns]);
  return body.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
}

describe('(a) a plan of strands, with no years and no groups on purpose', () => {
  const out = built['strands-plan'];

  it('passes the check with no warning for the groups and years it names on purpose', () => {
    expect(checkContent(fixture('strands-plan')).problems).toEqual([]);
  });

  it('gives each strand a page listing its items across priorities, and no empty Groups or Years page', () => {
    const prevent = text(page('/northborough/strands/prevent/', out));
    expect(prevent).toContain('Prevent exploitation');
    expect(prevent).toContain('Prevent serious violence');
    expect(prevent).toContain('Offer every child a return home interview');
    expect(prevent).toContain('Deliver a schools programme on knife crime');
    expect(prevent).not.toContain('Run a monthly multi-agency child exploitation');
    expect(links(page('/northborough/strands/', out))).toEqual(
      expect.arrayContaining([
        '/northborough/strands/prepare/',
        '/northborough/strands/prevent/',
        '/northborough/strands/protect/',
        '/northborough/strands/pursue/',
      ]),
    );
    expect(existsSync(path.join(out, 'northborough/groups'))).toBe(false);
    expect(existsSync(path.join(out, 'northborough/years'))).toBe(false);
    const home = page('/northborough/', out);
    expect(links(home)).not.toContain('/northborough/groups/');
    expect(links(home)).not.toContain('/northborough/years/');
  });

  it('keeps the two objectives called "prevent" apart, each under its own priority', () => {
    const objectives = readdirSync(path.join(out, 'northborough/objectives')).sort();
    expect(objectives).toEqual(['exploitation-prevent', 'serious-violence-prevent']);
    expect(text(page('/northborough/objectives/exploitation-prevent/', out))).toContain('Offer every child a return home interview');
    expect(text(page('/northborough/objectives/serious-violence-prevent/', out))).toContain('Deliver a schools programme');
  });

  it('shows the aim, the numbered outcomes and the measure with its target', () => {
    const priority = text(page('/northborough/priorities/exploitation/', out));
    expect(priority).toContain('Aim: children in Northborough are safe');
    expect(priority).toContain('1.1 Fewer children go missing from home more than once.');
    expect(priority).toContain('Children reported missing more than once in a year Target: Down 10% on 2023-24');
    // groups: none is believed: no page says what the plan chose not to name.
    expect(priority).not.toContain('The plan names no groups');
    expect(priority).not.toContain('No group named');
  });

  it('says "No status reported", never "Not started", for work with no status, and says what it means', () => {
    const action = text(page('/northborough/actions/mace-panel/', out));
    expect(action).toContain('No status reported');
    expect(action).not.toContain('Not started');
    expect(links(page('/northborough/actions/mace-panel/', out))).toContain('/northborough/how-status-is-worked-out/');
    expect(text(page('/northborough/how-status-is-worked-out/', out))).toContain('It does not mean the work has not started');
  });

  it('puts the strands in the CSV, and no invented status', () => {
    const rows = csvRows(out, 'northborough');
    const mace = rows.find((r) => r.id === 'mace-panel')!;
    expect(mace.strands).toBe('Protect; Pursue');
    expect(mace.status).toBe('');
    expect(mace.reporting_years).toBe('');
    expect(rows.find((r) => r.id === 'return-home-interviews')!.measures).toBe('Share of return home interviews held within 72 hours');
  });

  it('says an open-ended plan runs from its start, and never that it has ended', () => {
    const plan = text(page('/northborough/plans/exploitation-strategy/', out));
    expect(plan).toContain('From April 2024');
    expect(plan).not.toContain('This plan has ended');
  });
});

describe('(b) one plan owned by two partnerships, with a priority shared with a Safeguarding Adults Board', () => {
  const out = built['shared-plan'];

  it('builds a site for each owner and none for the board, which has no plan', () => {
    expect(
      readdirSync(out, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
        .map((e) => e.name)
        .sort(),
    ).toEqual(['east-shire', 'west-shire']);
  });

  it('publishes the plan on both sites, each under its own name and with its own links', () => {
    for (const [site, name] of [
      ['east-shire', 'East Shire Safeguarding Children Partnership'],
      ['west-shire', 'West Shire Safeguarding Children Partnership'],
    ]) {
      const plan = page(`/${site}/plans/joint-business-plan/`, out);
      expect(plan).toContain(name);
      expect(text(plan)).toContain('Think family');
      // Every link stays on the site, but for the list of all sites and the other owner's home.
      const elsewhere = links(plan).filter((l) => l.startsWith('/') && !l.startsWith(`/${site}/`) && l !== '/');
      expect(
        elsewhere.every((l) => l === '/east-shire/' || l === '/west-shire/'),
        elsewhere.join(' '),
      ).toBe(true);
      const priority = page(`/${site}/priorities/neglect/`, out);
      expect(text(priority)).toContain('Audit neglect cases in West Shire');
      expect(links(priority)).toContain(`/${site}/actions/west-neglect-audit/`);
    }
    expect(text(page('/west-shire/plans/joint-business-plan/', out))).toContain('Owned by');
  });

  it('shows the board as what it is, on the shared priority', () => {
    const priority = text(page('/west-shire/priorities/think-family/', out));
    expect(priority).toContain('Joint work with Shire Safeguarding Adults Board');
  });

  it("lists the shared plan's actions in each owner's CSV and search index", () => {
    for (const site of ['east-shire', 'west-shire']) {
      const ids = csvRows(out, site)
        .map((r) => r.id)
        .sort();
      expect(ids).toEqual(['transitions-protocol', 'west-neglect-audit']);
      expect(existsSync(path.join(out, site, 'pagefind/pagefind-entry.json'))).toBe(true);
    }
  });

  it("refuses a partnership that uses another's plan without being an owner", () => {
    const content = path.join(work, 'not-owner');
    cpSync(fixture('shared-plan'), content, { recursive: true });
    mkdirSync(path.join(content, 'north-shire/priorities'), { recursive: true });
    writeFileSync(
      path.join(content, 'north-shire/partnership.md'),
      '---\nname: North Shire SCP\nshortName: NSSCP\narea: North Shire\n---\n',
    );
    writeFileSync(
      path.join(content, 'north-shire/priorities/borrowed.md'),
      '---\ntitle: Borrowed\norder: 1\nplan: east-shire/joint-business-plan\n---\n',
    );
    const { problems } = checkContent(content);
    expect(problems.map((p) => p.message)).toEqual([
      'the plan "east-shire/joint-business-plan" is not north-shire\'s: north-shire is not one of its owners',
    ]);
    expect(problems[0].hint).toContain("a partnership cannot use another partnership's plan unless it is a declared owner");
  });
});

describe('(c) coded lines with a lead, a shared sub-group, due quarters, measures and a BRAG scale', () => {
  const out = built['coded-plan'];

  it('shows the code wherever the item is named: its page, its breadcrumbs, lists', () => {
    const action = page('/south-city/actions/neglect-training/', out);
    expect(text(/<h1>[\s\S]*?<\/h1>/.exec(action)![0])).toContain('1a.1: Deliver neglect training to 400 practitioners');
    expect(text(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(action)![0])).toContain('1a: Practitioners are trained');
    expect(text(page('/south-city/objectives/training/', out))).toContain('1a.2: Evaluate the training');
  });

  it('keeps the lead and the accountable group apart, and links the shared regional group', () => {
    const action = text(page('/south-city/actions/neglect-training/', out));
    expect(action).toContain('Lead Head of Safeguarding, ICB');
    expect(action).toContain('Group responsible HIPS Joint Training Sub-Group');
    expect(links(page('/south-city/actions/neglect-training/', out))).toContain('/south-city/groups/training-sub-group/');
    expect(text(page('/south-city/groups/training-sub-group/', out))).toContain('Deliver neglect training');
  });

  it('flags open work past its due date as "Overdue", in words, and not finished or future work', () => {
    expect(text(page('/south-city/actions/neglect-training/', out))).toContain('Due Q3 2023-24 (by 31 December 2023) Overdue');
    expect(text(page('/south-city/actions/training-evaluation/', out))).not.toContain('Overdue');
    expect(text(page('/south-city/actions/training-offer/', out))).not.toContain('Overdue');
    expect(text(page('/south-city/objectives/training/', out))).toContain('Overdue');
  });

  it('shows ratings on the BRAG scale in words, with their meaning', () => {
    expect(text(page('/south-city/actions/training-offer/', out))).toContain('BRAG rating BRAG rating: Blue (Complete)');
    expect(text(page('/south-city/how-status-is-worked-out/', out))).toContain('Off track, needs the board');
  });

  it('carries code, lead, due, overdue and measures in the CSV', () => {
    const row = csvRows(out, 'south-city').find((r) => r.id === 'neglect-training')!;
    expect([row.code, row.lead, row.groups, row.due, row.overdue, row.measures, row.rag]).toEqual([
      '1a.1',
      'Head of Safeguarding, ICB',
      'HIPS Joint Training Sub-Group',
      'Q3 2023-24',
      'yes',
      'Practitioners trained (target: 400)',
      'red',
    ]);
  });

  it('names codes, leads and due dates in the annual report', () => {
    const report = text(page('/south-city/years/2023-24/report/', out));
    expect(report).toContain('1a.1');
    expect(report).toContain('Head of Safeguarding, ICB');
    expect(report).toContain('Overdue');
  });
});
