/**
 * One fact, one place: for the bundled plans and every fixture, every priority, objective and
 * action is read back from everywhere it appears (its own page, every list on the site that
 * shows it, actions.csv, plan.json, its search record and each year's report) and every reading
 * must agree: status, rating, accountable groups, lead, overdue, progress and each year's status.
 *
 * The readings are taken as a reader takes them, from the words on the page and the cells of the
 * files, and compared with each other, never with the tool's own model. The words for statuses
 * are the guide's (content/README.md, section 6).
 */
import { describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/open-data/csv.ts';
import { loadContent } from '../../src/model/load.ts';
import { fixtureContent, fixtureNames } from '../fixtures/fixtures.ts';
import {
  byClass,
  byTag,
  hasOverdueTag,
  linksIn,
  ratingTag,
  readData,
  readPage,
  sitePages,
  statusTag,
  summaryRows,
  text,
  type Element,
} from '../helpers/read-site.ts';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** The guide's words for each status a file may give. */
const statusWords: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  delayed: 'Delayed',
  complete: 'Complete',
  ongoing: 'Ongoing',
  cancelled: 'Cancelled',
};
const noStatus = 'No status reported';
/** What the site says of a priority or objective with no actions to roll up from. */
const noActions = /^No actions( yet)?$/;

interface Reading {
  /** Where it was read, for the failure message. */
  where: string;
  status?: string;
  rating?: string;
  groups?: string[];
  lead?: string[];
  overdue?: boolean;
  updates?: number;
}

interface ItemPageReading extends Reading {
  url: string;
  years: Map<string, string>;
  search?: string;
}

/** Every site a build holds: a folder with open data. */
function sitesOf(root: string): string[] {
  return readdirSync(root).filter((name) => existsSync(path.join(root, name, 'data', 'plan.json')));
}

/** What an item's own page says about it. */
function readItemPage(root: string, url: string): ItemPageReading {
  const { main } = readPage(root, url);
  const summary = byClass(main, 'summary')[0];
  const rows = summaryRows(summary);
  const row = (name: RegExp) => [...rows].find(([term]) => name.test(term))?.[1];
  const groupsRow = row(/^Groups? responsible$/);
  const leadRow = row(/^Lead$/);
  const yearsRow = row(/^Status at the end of each reporting year$/);
  const updates = byClass(main, 'updates')[0];
  const search = byTag(main, 'span').find((s) => s.attrs.some((a) => a.name === 'data-pagefind-filter' && a.value === 'status'));
  return {
    where: `${url} (its page)`,
    url,
    // A plan that says `statuses: none` has no Status row: its page claims no status.
    status: row(/^Status$/) && statusTag(row(/^Status$/)!),
    rating: row(/ rating$/) && ratingTag(row(/ rating$/)!),
    groups: groupsRow && (/No group named/.test(text(groupsRow)) ? [] : groupLinks(groupsRow)),
    lead: leadRow && (byTag(leadRow, 'li').length ? byTag(leadRow, 'li').map(text) : [text(leadRow).replace(/ \(through .*$/, '')]),
    overdue: row(/^Due$/) ? hasOverdueTag(row(/^Due$/)!) : false,
    updates: updates ? byTag(updates, 'li').filter((li) => li.parentNode === updates).length : 0,
    years: new Map((yearsRow ? byTag(yearsRow, 'li') : []).map((li) => [text(byTag(li, 'a')[0]), statusTag(li) ?? ''])),
    search: search && text(search),
  };
}

/** The names of the groups a cell links, leaving out the link to the item they are inherited through. */
function groupLinks(cell: Element): string[] {
  return linksIn(cell)
    .filter(([href]) => href.includes('/groups/'))
    .map(([, words]) => words);
}

interface PlanJsonItem {
  id: string;
  status?: string;
  rag?: string;
  lead: string[];
  groups: string[];
  overdue: boolean;
  progress: unknown[];
  url: string;
  objectives?: PlanJsonItem[];
  actions?: PlanJsonItem[];
}

/** What plan.json says about each item, by its page's address. */
function readPlanJson(root: string, site: string): Map<string, Reading> {
  const json = JSON.parse(readData(root, `${site}/data/plan.json`)) as {
    plans: Array<{ priorities: PlanJsonItem[] }>;
    groups: Array<{ id: string; name: string }>;
    ratingScale: { levels: Array<{ id: string; label: string }> };
  };
  const groupName = new Map(json.groups.map((g) => [g.id, g.name]));
  const ratingLabel = new Map(json.ratingScale.levels.map((l) => [l.id, l.label]));
  const readings = new Map<string, Reading>();
  const add = (item: PlanJsonItem) => {
    const url = new URL(item.url, 'https://plan.example.org.uk').pathname;
    readings.set(url, {
      where: `${site}/data/plan.json (${item.id})`,
      status: item.status ? statusWords[item.status] : undefined,
      rating: item.rag ? ratingLabel.get(item.rag) : undefined,
      groups: item.groups.map((id) => groupName.get(id) ?? `unknown group ${id}`),
      lead: item.lead,
      overdue: item.overdue,
      updates: item.progress.length,
    });
    for (const below of [...(item.objectives ?? []), ...(item.actions ?? [])]) add(below);
  };
  for (const plan of json.plans) for (const priority of plan.priorities) add(priority);
  return readings;
}

/** What actions.csv says about each action, by its page's address. */
function readActionsCsv(root: string, site: string): Map<string, Reading & { lastUpdate: string }> {
  const [header, ...rows] = parseCsv(readData(root, `${site}/data/actions.csv`).replace(/^\uFEFF/, '')).rows;
  const column = (row: string[], name: string) => row[header.indexOf(name)];
  const list = (cell: string) => (cell ? cell.split('; ') : []);
  return new Map(
    rows.map((row) => [
      new URL(column(row, 'url'), 'https://plan.example.org.uk').pathname,
      {
        where: `${site}/data/actions.csv (${column(row, 'id')})`,
        status: column(row, 'status') ? statusWords[column(row, 'status')] : undefined,
        groups: list(column(row, 'groups')),
        lead: list(column(row, 'lead')),
        overdue: column(row, 'overdue') === 'yes',
        lastUpdate: column(row, 'last_update_date'),
      },
    ]),
  );
}

/** Every row of a list of work (`ul.items`) on every page of a site, by the address of the item it names. */
function readLists(root: string, site: string): Array<{ url: string; reading: Reading; saidOnce: boolean }> {
  const found: Array<{ url: string; reading: Reading; saidOnce: boolean }> = [];
  for (const url of sitePages(root, site)) {
    const { main } = readPage(root, url);
    const saidOnce = /No status (was|has been) reported for (any of these|this)/.test(text(main));
    for (const list of byClass(main, 'items')) {
      for (const li of byTag(list, 'li').filter((node) => node.parentNode === list)) {
        const [href] = linksIn(li)[0] ?? [''];
        const meta = byClass(li, 'meta')[0];
        if (!meta || !/\/(priorities|objectives|actions)\//.test(href)) continue;
        found.push({
          url: href,
          reading: { where: `${url} (a list)`, status: statusTag(meta), rating: ratingTag(meta), overdue: hasOverdueTag(meta) },
          saidOnce,
        });
      }
    }
  }
  return found;
}

/** Every action row of every year's report: its status that year, and its groups. */
function readReports(root: string, site: string): Array<{ url: string; year: string; status?: string; groups?: string[]; where: string }> {
  const found: Array<{ url: string; year: string; status?: string; groups?: string[]; where: string }> = [];
  for (const url of sitePages(root, site).filter((u) => /\/years\/[^/]+\/report\/$/.test(u))) {
    const year = /\/years\/([^/]+)\/report\//.exec(url)![1];
    const { main } = readPage(root, url);
    for (const table of byClass(main, 'report-table').filter((t) => !byClass(t, 'report-summary-table').length)) {
      const heads = byTag(table, 'th').map(text);
      for (const tr of byTag(table, 'tr')) {
        const cells = byTag(tr, 'td');
        const link = cells[0] && byTag(cells[0], 'a')[0];
        if (!link || !/\/actions\//.test(linksIn(cells[0])[0][0])) continue;
        const cellOf = (name: RegExp) => cells[heads.findIndex((h) => name.test(h))];
        const statusCell = heads.some((h) => /^Status/.test(h)) ? cellOf(/^Status/) : undefined;
        const groupCell = heads.some((h) => /^Lead and group responsible$/.test(h)) ? cellOf(/^Lead and group responsible$/) : undefined;
        const groupText = groupCell && /Group: (.*?)( \(through .*\))?$/.exec(text(groupCell))?.[1];
        found.push({
          url: linksIn(cells[0])[0][0],
          year,
          where: `${url} (its row)`,
          status: statusCell ? (statusTag(statusCell) ?? '') : undefined,
          groups: groupText === undefined ? undefined : groupText === 'None named' ? [] : groupText.split(', '),
        });
      }
    }
  }
  return found;
}

/** Checks one reading against the item page's, field by field, for the fields it gives. */
function agree(page: ItemPageReading, other: Reading, compared: { count: number }) {
  const label = `${other.where} against ${page.where}`;
  const same = (field: keyof Reading, expected: unknown, actual: unknown) => {
    compared.count += 1;
    expect(actual, `${label}: ${field}`).toEqual(expected);
  };
  // "No status reported" on a page is an empty status cell in the open data.
  const none = (status: string | undefined) => (status === noStatus ? undefined : status);
  if ('status' in other) same('status', none(page.status), none(other.status));
  if ('rating' in other) same('rating', page.rating, other.rating);
  if (other.groups !== undefined && page.groups !== undefined) same('groups', [...page.groups].sort(), [...other.groups].sort());
  if (other.lead !== undefined) same('lead', page.lead ?? [], other.lead);
  if (other.overdue !== undefined) same('overdue', page.overdue, other.overdue);
  if (other.updates !== undefined) same('updates', page.updates, other.updates);
}

const builds: Array<[string, string]> = [
  ['bundled', inject('siteDir')],
  ...fixtureNames.map((name): [string, string] => [name, inject('fixtureDirs')[name]]),
];

describe.each(builds)('every fact of %s, wherever it is shown', (_name, root) => {
  for (const site of sitesOf(root)) {
    it(`${site}: pages, lists, actions.csv, plan.json, search and reports agree`, () => {
      const compared = { count: 0 };
      const json = readPlanJson(root, site);
      const csv = readActionsCsv(root, site);
      const items = new Map([...json.keys()].map((url) => [url, readItemPage(root, url)]));
      expect(items.size).toBeGreaterThan(0);

      for (const [url, page] of items) {
        // The page's own words for "no status", and its search record, say the same thing.
        if (page.status !== undefined && !noActions.test(page.status)) {
          expect(Object.values(statusWords).concat(noStatus), `${url}: status words`).toContain(page.status);
        }
        if (page.search !== undefined)
          expect(page.search, `${url}: search record`).toBe(noActions.test(page.status ?? '') ? noStatus : page.status);
        const fromJson = json.get(url)!;
        agree(page, noActions.test(page.status ?? '') ? { ...fromJson, status: undefined } : fromJson, compared);
      }

      // Every action is in both open data files, and nothing else is.
      const actionUrls = [...items.keys()].filter((u) => u.includes('/actions/')).sort();
      expect([...csv.keys()].sort()).toEqual(actionUrls);
      for (const [url, row] of csv) {
        const page = items.get(url)!;
        agree(page, row, compared);
        compared.count += 1;
        expect(row.lastUpdate, `${row.where}: last update`).toBe(page.updates ? row.lastUpdate : '');
      }

      for (const { url, reading, saidOnce } of readLists(root, site)) {
        const page = items.get(url);
        if (!page) continue; // an item of another plan this site links to
        if (reading.status === undefined && page.status === undefined) {
          // A plan that reports no statuses: neither its page nor its row claims one.
          agree(page, reading, compared);
        } else if (reading.status === undefined && !noActions.test(page.status ?? '')) {
          // Said once: a row without a status tag is only allowed where the page says, once, that nothing is reported.
          expect(page.status, `${reading.where}: a row with no status for ${url}`).toBe(noStatus);
          expect(saidOnce, `${reading.where}: says once that nothing is reported`).toBe(true);
          agree(page, { ...reading, status: undefined }, compared);
        } else if (reading.status !== undefined && noActions.test(reading.status)) {
          expect(page.status, `${reading.where}: ${url}`).toMatch(noActions);
        } else agree(page, reading, compared);
      }

      for (const row of readReports(root, site)) {
        const page = items.get(row.url)!;
        if (row.status !== undefined && page.years.size > 0) {
          compared.count += 1;
          expect(row.status, `${row.where} against ${page.where}: status in ${row.year}`).toBe(page.years.get(row.year));
        }
        if (row.groups !== undefined && page.groups !== undefined) {
          compared.count += 1;
          expect([...row.groups].sort(), `${row.where} against ${page.where}: groups`).toEqual([...page.groups].sort());
        }
      }
      // The test read something: every item agrees in at least a handful of places.
      expect(compared.count).toBeGreaterThan(items.size * 4);
    });
  }
});

/**
 * The inheritance rule, read from the files as an author wrote them (guide, section 2.4): an
 * action's accountable groups are its own; where it names none, its objective's; where that names
 * none, its priority's. Its page must name exactly those, saying so once; a plan that names no
 * groups on purpose (`groups: none`) names none anywhere.
 */
describe.each([
  ['bundled', 'content', inject('siteDir')] as const,
  ...fixtureNames.map((n) => [n, fixtureContent(n), inject('fixtureDirs')[n]] as const),
])('the groups %s names, inherited as the guide says', (_name, contentDir, root) => {
  it('are the groups every action page names', () => {
    const files = loadContent(contentDir).files;
    const file = (partnership: string, type: string, reference: unknown) => {
      if (typeof reference !== 'string') return undefined;
      const [home, id] = reference.includes('/') ? reference.split('/') : [partnership, reference];
      return files.find((f) => f.partnership === home && f.type === type && f.id === id);
    };
    const groupsOf = (f: (typeof files)[number] | undefined) =>
      f && Array.isArray(f.data.groups) ? (f.data.groups as string[]).map((g) => file(f.partnership, 'group', g)?.data.name as string) : [];
    let checked = 0;
    for (const action of files.filter((f) => f.type === 'action')) {
      const objective = file(action.partnership, 'objective', action.data.objective);
      const priority = file(action.partnership, 'priority', action.data.priority ?? objective?.data.priority);
      const expected = [action, objective, priority].map(groupsOf).find((g) => g.length > 0) ?? [];
      for (const site of sitesOf(root)) {
        const url = `/${site}/actions/${action.id}/`;
        if (!existsSync(path.join(root, url, 'index.html'))) continue;
        const page = readItemPage(root, url);
        checked += 1;
        expect(page.groups ?? [], `${url}: accountable groups`).toEqual(expected);
        if (expected.length > 0 && !Array.isArray(action.data.groups)) {
          expect(text(readPage(root, url).main), `${url}: says where its group comes from`).toMatch(
            /Through its (objective|priority|[a-z ]+),/i,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/**
 * Words the content never wrote: everything a build publishes (its pages' text, CSV, JSON and
 * feed), scanned for the sentences readers found that no content says.
 */
describe.each(builds)('what %s publishes, scanned for words nobody wrote', (_name, root) => {
  const unsupported: Array<[RegExp, string]> = [
    [/\bby by\b/i, 'a "by" written twice'],
    [/fully compliant with/i, 'a compliance claim the partnership did not make'],
    [/within 10 working days/i, 'a reply time the partnership did not promise'],
    [/set up under Working Together/i, 'a legal basis the partnership did not state'],
    [/-->|note to yourself/, "a starter file's comment"],
    [/Last reported never/, 'a date that is not one'],
    [/\bunder 1 [\w ]*?(Priorities|Objectives|Actions|Activities|areas)\b/, 'a wrong plural'],
    [/\bread(what|the)\b/, 'words run together'],
    [/\b0 actions were completed\b/, 'a count of nothing'],
  ];
  it('holds none of them', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const relative = path.join(dir, name.name);
        if (name.isDirectory()) {
          if (name.name !== 'pagefind' && name.name !== '_astro') walk(relative);
          continue;
        }
        if (!/\.(html|csv|json|xml)$/.test(name.name)) continue;
        const raw = readData(root, relative);
        const words = name.name.endsWith('.html') ? text(readPage(root, `/${relative.replace(/index\.html$/, '')}`).document) : raw;
        for (const [pattern, why] of unsupported) if (pattern.test(words)) found.push(`${relative}: ${why} (${pattern})`);
        // "yet" belongs to work still to come: never on the pages of a plan that has ended.
        if (
          name.name.endsWith('.html') &&
          /This plan has ended/.test(words) &&
          /No progress has been reported yet|No actions yet/.test(words)
        ) {
          found.push(`${relative}: "yet" about an ended plan`);
        }
      }
    };
    walk('');
    expect(found).toEqual([]);
  });
});
