/**
 * Open data as a reuser gets it: plan.json against its published schema, actions.csv through
 * a CSV parser with every action and working URLs, feed.xml as Atom, and the annual report.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { loadContent } from '../../src/model/load.ts';
import { actionColumns } from '../../src/open-data/actions-csv.ts';
import { parseCsv } from '../../src/open-data/csv.ts';
import { planJsonSchema } from '../../src/open-data/plan-json.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { links, page, siteDir } from '../helpers/site.ts';

/** The parts of an Atom document these tests read. */
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: { '@_href': string };
  content: { '@_type': string; '#text': string };
}
interface AtomFeed {
  '@_xmlns': string;
  id: string;
  updated: string;
  entry?: AtomEntry | AtomEntry[];
}
const readFeed = (xml: string) => (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: AtomFeed }).feed;

const { files } = loadContent('content');
const actionsOf = (partnership: string) => files.filter((f) => f.type === 'action' && f.partnership === partnership);

describe.each(['hampshire', 'hounslow'])('open data of %s', (partnership) => {
  const root = siteDir();
  const data = (name: string) => readFileSync(path.join(root, partnership, name), 'utf8');

  it('publishes plan.json that validates against its documented schema, with every action', () => {
    const parsed = planJsonSchema.safeParse(JSON.parse(data('data/plan.json')));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const json = parsed.data!;
    expect(json.version).toBe(3);
    const ids = json.plans
      .flatMap((p) => p.priorities.flatMap((pr) => [...pr.actions, ...pr.objectives.flatMap((o) => o.actions)]))
      .map((a) => a.id);
    expect(ids.sort()).toEqual(
      actionsOf(partnership)
        .map((f) => f.id)
        .sort(),
    );
    const schema = JSON.parse(data('data/plan.schema.json')) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.version).toBeDefined();
  });

  it('publishes actions.csv that round-trips through a CSV parser, one row per action, every URL resolving', () => {
    const text = data('data/actions.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const { rows } = parseCsv(text);
    expect(rows[0]).toEqual([...actionColumns]);
    const body = rows.slice(1);
    expect(body.map((r) => r[0]).sort()).toEqual(
      actionsOf(partnership)
        .map((f) => f.id)
        .sort(),
    );
    for (const row of body) {
      expect(row).toHaveLength(actionColumns.length);
      const url = row[actionColumns.indexOf('url')];
      expect(existsSync(path.join(root, url, 'index.html')), url).toBe(true);
      // Empty where the plan reports no status: nothing is filled in.
      expect(row[actionColumns.indexOf('status')]).toMatch(/^(not-started|in-progress|delayed|complete|ongoing|cancelled|)$/);
    }
  });

  it('links the open data from every page footer and from the Open data page', () => {
    expect(links(page(`/${partnership}/`))).toEqual(expect.arrayContaining([`/${partnership}/data/`, `/${partnership}/feed.xml`]));
    expect(links(page(`/${partnership}/data/`))).toEqual(
      expect.arrayContaining([
        `/${partnership}/data/plan.json`,
        `/${partnership}/data/actions.csv`,
        `/${partnership}/feed.xml`,
        `/${partnership}/data/plan.schema.json`,
      ]),
    );
    expect(page(`/${partnership}/data/`)).toContain('Open Government Licence');
  });

  it('publishes a valid Atom feed even with no progress updates yet', () => {
    const xml = data('feed.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = readFeed(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^(urn:|https?:)/);
  });
});

describe('progress, on a fixture with invented updates (never the real content)', () => {
  let tree: ContentTree;
  let outDir: string;
  afterAll(() => tree?.remove());

  const withUpdates = () => {
    const base = validTree('hampshire');
    const action = 'hampshire/actions/deliver-training.md';
    return {
      ...base,
      [action]: base[action],
      'hampshire/actions/audit-neglect.md': [
        '---',
        'title: Audit neglect cases',
        'order: 2',
        'objective: understand-neglect',
        'groups: [training-sub-group]',
        'years: [2021-22]',
        'status: delayed',
        'rag: red',
        'progress:',
        '  - date: 2021-06-15',
        '    by: Business Manager',
        '    status: in-progress',
        '    text: Audit tool agreed.',
        '  - date: 2021-12-01',
        '    by: Training Sub-Group',
        '    status: delayed',
        '    text: "Audit paused: <b>staffing</b> & **capacity**."',
        '---',
        '',
      ].join('\n'),
    };
  };

  it('builds a feed of every update, newest first, as valid Atom with absolute ids', async () => {
    tree = writeTree(withUpdates());
    outDir = path.join(tree.root, 'dist');
    const result = await build({ contentDir: tree.contentDir, outDir, site: 'https://plan.example.org.uk', buildDate: '2022-01-10' });
    expect(result.ok).toBe(true);
    const xml = readFileSync(path.join(outDir, 'hampshire/feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = readFeed(xml);
    expect(feed.id).toBe('https://plan.example.org.uk/hampshire/feed.xml');
    expect(feed.updated).toBe('2021-12-01T00:00:00Z');
    const entries = [feed.entry ?? []].flat();
    expect(entries.map((e) => e.updated)).toEqual([
      '2021-12-01T00:00:00Z',
      '2021-06-15T00:00:00Z',
      '2021-03-31T00:00:00Z',
      '2020-09-30T00:00:00Z',
    ]);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^https:\/\/plan\.example\.org\.uk\/hampshire\/actions\/[a-z-]+\/#update-/);
      expect(entry.title).toBeTruthy();
      expect(entry.link['@_href']).toMatch(/^https:\/\/plan\.example\.org\.uk\/hampshire\/actions\//);
      expect(entry.content['@_type']).toBe('html');
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries[0].title).toBe('Audit neglect cases: Delayed');
    // Markdown is rendered and escaped; the author's raw HTML is dropped.
    expect(entries[0].content['#text']).toContain('<strong>capacity</strong>');
    expect(entries[0].content['#text']).not.toContain('<b>');
  });

  it('shows the latest update, status and RAG in the CSV and on the annual report', () => {
    const { rows } = parseCsv(readFileSync(path.join(outDir, 'hampshire/data/actions.csv'), 'utf8'));
    const audit = rows.find((r) => r[0] === 'audit-neglect')!;
    const col = (name: (typeof actionColumns)[number]) => audit[actionColumns.indexOf(name)];
    expect([col('status'), col('rag'), col('last_update_date'), col('last_update_by')]).toEqual([
      'delayed',
      'red',
      '2021-12-01',
      'Training Sub-Group',
    ]);
    expect(col('url')).toBe('https://plan.example.org.uk/hampshire/actions/audit-neglect/');
    const report = page('/hampshire/years/2021-22/report/', outDir);
    expect(report).toContain('Audit neglect cases');
    expect(report).toContain('1 December 2021');
    expect(report).toContain('Training Sub-Group');
    expect([...report.matchAll(/class="report-priority"/g)]).toHaveLength(1);
  });

  it('flags open work with no recent update against the build date', () => {
    const html = page('/hampshire/actions/audit-neglect/', outDir);
    // Built 2022-01-10; last update 2021-12-01: recent.
    expect(html).not.toContain('No recent update');
    // deliver-training's last update was 2021-03-31, and its year (2020-21) ended then: judged at the year's end, recent.
    expect(page('/hampshire/actions/deliver-training/', outDir)).not.toContain('No recent update');
  });
});

describe('the annual progress report of the real plans', () => {
  it("lists every priority in its summary, gives a section to each with work that year, and that year's actions only", () => {
    const report = page('/hampshire/years/2020-21/report/');
    // Hampshire's 2020-21 work is all under Part A's two priorities; Part B's five had none that year.
    expect([...report.matchAll(/<tr>/g)].length).toBeGreaterThanOrEqual(7);
    expect([...report.matchAll(/No actions this year/g)]).toHaveLength(5);
    expect([...report.matchAll(/class="report-priority"/g)]).toHaveLength(2);
    const actionLinks = links(report).filter((l) => l.startsWith('/hampshire/actions/'));
    expect(actionLinks).toHaveLength(11);
    expect([...page('/hounslow/years/2019-20/report/').matchAll(/class="report-priority"/g)]).toHaveLength(12);
  });

  it("says of the real plans' work only what they say: no status reported, never flagged as stale", () => {
    // Hounslow's 2019-21 plan records no progress at all: no status is claimed, so none is stale.
    const neglect = page('/hounslow/priorities/neglect/');
    expect(neglect).toContain('No status reported');
    expect(neglect).not.toContain('No recent update');
    // Hampshire's completed 2020-21 actions are complete, and not stale either.
    expect(page('/hampshire/actions/adolescents-hear-from-young-people/')).toContain('tag--complete');
    expect(page('/hampshire/actions/adolescents-hear-from-young-people/')).not.toContain('No recent update');
  });
});
