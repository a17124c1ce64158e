/**
 * Reviews on the built site (issue 22, item 2): the Riverside fixture's local child safeguarding
 * practice review on Child R has two recommendations, answered by three actions. Its page lists
 * each recommendation with its status, its dated updates and the actions answering it; each of
 * those actions links back; the home page links to a Reviews page; and the 2021-22 yearly report's
 * section on reviews records each recommendation as it stood on 31 March 2022, with the updates
 * dated in that year only. A site without reviews has no Reviews page and no link to one.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { planJsonSchema } from '../../src/open-data/plan-json.ts';
import { byClass, byTag, linksIn, readData, readPage, text } from '../helpers/read-site.ts';

const root = inject('fixtureDirs')['yearly-report'];
const review = '/riverside/reviews/child-r/';

describe('a review with recommendations answered by actions', () => {
  it('has its own page: each recommendation with its status, the actions answering it and its updates', () => {
    const { main } = readPage(root, review);
    expect(text(byTag(main, 'h1')[0])).toBe('Child R: local child safeguarding practice review');
    expect(text(main)).toContain('Local child safeguarding practice review, published 30 June 2021');
    const items = byClass(main, 'recommendations')[0].childNodes.filter((n) => n.nodeName === 'li');
    expect(items).toHaveLength(2);
    const [r1, r2] = items.map((li) => text(li));
    expect(r1).toMatch(/^Recommendation R1 Partners should use one neglect toolkit.* Complete Answered by:/);
    expect(r1).toContain('30 June 2022 Complete Every agency now uses the toolkit');
    expect(r2).toMatch(/^Recommendation R2 .* Delayed Answered by: Offer every child a return home interview/);
    expect(linksIn(items[0] as never).filter(([href]) => href.includes('/actions/'))).toEqual([
      ['/riverside/actions/neglect-toolkit/', 'Launch the neglect toolkit'],
      ['/riverside/actions/neglect-courses/', 'Run multi-agency neglect courses'],
    ]);
  });

  it('is linked back from the actions that answer it, at the recommendation', () => {
    const { main } = readPage(root, '/riverside/actions/return-interviews/');
    const section = byTag(main, 'section').find((s) => text(s).startsWith('Review recommendations it answers'));
    expect(section && linksIn(section)).toEqual([
      [`${review}#recommendation-2`, 'Child R: local child safeguarding practice review: recommendation R2'],
    ]);
    expect(text(section!)).toContain('Delayed');
    expect(text(readPage(root, '/riverside/actions/neglect-toolkit/').main)).toContain('recommendation R1');
  });

  it('is listed on a Reviews page the home page links to', () => {
    expect(linksIn(readPage(root, '/riverside/').main).map(([href]) => href)).toContain('/riverside/reviews/');
    expect(linksIn(readPage(root, '/riverside/reviews/').main)).toContainEqual([
      review,
      'Child R: local child safeguarding practice review',
    ]);
  });

  it("gives the yearly report its record: status at the year's end, the answering actions, the year's updates", () => {
    const { main } = readPage(root, '/riverside/years/2021-22/report/');
    const section = byTag(main, 'section').find((s) => text(byTag(s, 'h2')[0] ?? s).startsWith('Decisions and actions on reviews'));
    const words = text(section!);
    // R1 was complete only in June 2022: at the end of March it was still in progress.
    expect(words).toMatch(/Recommendation R1: In progress .* Answered by: Launch the neglect toolkit; Run multi-agency neglect courses/);
    expect(words).toContain('1 October 2021: Toolkit launched');
    expect(words).not.toContain('30 June 2022');
    expect(words).toMatch(/Recommendation R2: Delayed .* 14 February 2022: Commissioning/);
    expect(text(main)).not.toMatch(/not written[^.]*Decisions and actions on reviews/);
  });

  it('is not in the report of a year that ended before it was published', () => {
    const words = text(readPage(root, '/riverside/years/2020-21/report/').main);
    expect(words).not.toContain('Child R: local child safeguarding practice review');
  });
});

describe('reviews in the open data', () => {
  it('are in plan.json, valid against its published schema, each recommendation with its actions', () => {
    const plan = planJsonSchema.parse(JSON.parse(readData(root, 'riverside/data/plan.json')));
    expect(plan.reviews?.map((r) => [r.id, r.kind, r.published])).toEqual([['child-r', 'local-cspr', '2021-06-30']]);
    expect(plan.reviews?.[0].recommendations.map((r) => [r.number, r.status, r.answeredBy])).toEqual([
      ['R1', 'complete', ['neglect-toolkit', 'neglect-courses']],
      ['R2', 'delayed', ['return-interviews']],
    ]);
  });
});

describe('a site without reviews', () => {
  it('has no Reviews page and no link to one', () => {
    const site = inject('siteDir');
    expect(existsSync(path.join(site, 'hampshire', 'reviews'))).toBe(false);
    expect(linksIn(readPage(site, '/hampshire/').main).map(([href]) => href)).not.toContain('/hampshire/reviews/');
  });
});

describe("reviews in the partnership's own word for its actions", () => {
  // The Riverside fixture, but its actions are called "Commitments" and nothing answers R2.
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'reviews-words-'));
    const content = path.join(root, 'content');
    cpSync(fileURLToPath(new URL('../fixtures/yearly-report/content', import.meta.url)), content, { recursive: true });
    const partnership = path.join(content, 'riverside', 'partnership.md');
    writeFileSync(
      partnership,
      readFileSync(partnership, 'utf8').replace(/^area: .*$/m, (line) => `${line}\nlabels:\n  action:\n    singular: Commitment`),
    );
    const review = path.join(content, 'riverside', 'reviews', 'child-r.md');
    writeFileSync(review, readFileSync(review, 'utf8').replace('    answeredBy: [return-interviews]\n', ''));
    out = path.join(root, 'dist');
    const result = await build({ contentDir: content, outDir: out, cache: false, buildDate: '2026-12-01' });
    if (!result.ok) throw new Error(`the site did not build: ${JSON.stringify(result)}`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says which commitments answer a recommendation, and when none does, on every page that lists them', () => {
    expect(text(readPage(out, '/riverside/reviews/').main)).toContain('and the commitments that answer them.');
    expect(text(readPage(out, '/riverside/reviews/child-r/').main)).toContain('No commitment of the plan answers it yet.');
    const report = text(readPage(out, '/riverside/years/2021-22/report/').main);
    expect(report).toContain('the commitments that answer it');
    expect(report).toContain('No commitment of the plan answers it yet.');
    expect(report).not.toMatch(/\bactions? of the plan answers\b/);
  });
});
