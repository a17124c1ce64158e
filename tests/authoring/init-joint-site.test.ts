/**
 * The second joint-arrangement fixture (issue 20), built from a repository made by `init --joint`:
 * Eastfield and Westmoor Safeguarding Children Partnerships own one plan together, and one of its
 * priorities is shared with both areas' Safeguarding Adults Boards. The test runs init as a
 * business manager would, copies in what the manager adds (tests/fixtures/joint-init-additions/added:
 * two shared priorities, their actions, a sub-group shared with both boards, Eastfield's year
 * file), builds it with the build the tool's own `npm run build` runs, and reads back each
 * owner's site.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../src/authoring/init.ts';
import { build, reportBuild } from '../../src/builder/build.ts';
import { byClass, byTag, linksIn, readPage, summaryRows, text } from '../helpers/read-site.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-joint-init-'));
const dist = path.join(work, 'dist');
const owners = {
  eastfield: 'Eastfield Safeguarding Children Partnership',
  westmoor: 'Westmoor Safeguarding Children Partnership',
};
const boards = ['Eastfield Safeguarding Adults Board', 'Westmoor Safeguarding Adults Board'];
type Site = keyof typeof owners;
const sites = Object.keys(owners) as Site[];
const other = (site: Site) => owners[sites.find((s) => s !== site)!];
const sharedPlan = 'Joint Business Plan 2023-26';

beforeAll(async () => {
  const started = await init({
    folder: work,
    joint: true,
    names: Object.values(owners),
    adultsBoards: boards,
    period: '2023-2026',
    nodeVersion: '24.11.0',
  });
  if (started.exitCode !== 0) throw new Error(started.report);
  cpSync('tests/fixtures/joint-init-additions/added', path.join(work, 'content'), { recursive: true });
  const built = await build({ contentDir: path.join(work, 'content'), outDir: dist, buildDate: '2024-04-15', cache: false });
  if (!built.ok) throw new Error(reportBuild(built));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a joint arrangement started by init, with what a business manager adds', () => {
  it('builds a site for each partnership that owns the plan, and none for the arrangement or the boards', () => {
    expect(readdirSync(dist).filter((name) => !name.includes('.') && !name.startsWith('_'))).toEqual(['eastfield', 'westmoor']);
  });

  describe.each(sites)('%s', (site) => {
    it("lists the shared plan on its home page, saying it is shared and with whom, with the plan's priorities", () => {
      const { main } = readPage(dist, `/${site}/`);
      expect(text(byTag(main, 'h1')[0])).toBe(owners[site]);
      const planLine = text(byClass(main, 'home__plan')[0]);
      expect(planLine).toContain(`${sharedPlan} (shared with ${other(site)})`);
      expect(planLine).not.toContain(`shared with ${owners[site]}`);
      expect(byTag(main, 'h3').map(text)).toEqual(['J1: Safe transitions to adulthood', 'J2: Tackling child exploitation']);
    });

    it("names both adults' boards on the priority it shares with them", () => {
      const { main } = readPage(dist, `/${site}/priorities/transitions/`);
      const jointWith = summaryRows(byClass(main, 'summary')[0]).get('Joint work with');
      expect(jointWith, 'a "Joint work with" row').toBeDefined();
      expect(byTag(jointWith!, 'li').map(text)).toEqual([
        'Eastfield Safeguarding Adults Board (ESAB)',
        'Westmoor Safeguarding Adults Board (WSAB)',
      ]);
      // The other priority is the two partnerships' alone.
      const exploitation = readPage(dist, `/${site}/priorities/exploitation/`).main;
      expect(summaryRows(byClass(exploitation, 'summary')[0]).has('Joint work with')).toBe(false);
    });

    it('lists each year of the plan once on its years page', () => {
      const { main } = readPage(dist, `/${site}/years/`);
      const yearLinks = linksIn(main).filter(([href]) => /\/years\/[^/]+\/$/.test(href));
      expect(yearLinks).toEqual(['2023-24', '2024-25', '2025-26'].map((year) => [`/${site}/years/${year}/`, year]));
      for (const item of byTag(main, 'li')) expect(text(item)).toContain(sharedPlan);
    });

    it("names the other partnership and both boards on the shared sub-group's page, never itself", () => {
      const { main } = readPage(dist, `/${site}/groups/transitions-sub-group/`);
      const sharedWith = byTag(summaryRows(byClass(main, 'summary')[0]).get('Shared with')!, 'li').map(text);
      expect(sharedWith).toContain(other(site));
      for (const board of boards) expect(sharedWith).toContain(board);
      expect(sharedWith).not.toContain(owners[site]);
    });
  });

  it("puts Eastfield's own statement on the shared priority in Eastfield's 2023-24 report only", () => {
    const statement = 'The draft transitions protocol reached both adults’ boards.';
    const said = (site: Site) => text(readPage(dist, `/${site}/years/2023-24/report/`).main).replaceAll("'", '’');
    expect(said('eastfield')).toContain(statement);
    expect(said('westmoor')).not.toContain(statement);
  });
});
