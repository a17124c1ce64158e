/**
 * Builds, once per run, every site more than one test file reads, the way `npm run build` does
 * (check, Astro, Pagefind), into a temp folder: the real bundled content, every fixture plan and
 * the hostile sites (tests/helpers/hostile-content.ts). Two builds run at once, each rendering in
 * one Astro process (`parallel: 1`): on 2 cores that is faster than one build at a time in two,
 * with one Astro start-up fewer per build, and the output is the same. Then starts the one
 * Chromium the browser tests share (tests/helpers/browser.ts), each file in a context of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, reportBuild } from '../../src/builder/build.ts';
import { fixtureContent, fixtureNames, fixtures, type FixtureName } from '../fixtures/fixtures.ts';
import { startChromium } from './chromium.ts';
import { buildHostileSites } from './hostile-content.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of the bundled content, every partnership built. */
    siteDir: string;
    /** dist/ of each fixture plan, every partnership built, as of its own build date. */
    fixtureDirs: Record<FixtureName, string>;
    /** dist/ of the hostile sites, one for each of `hostileSites`. */
    hostileDir: string;
    /** Where the shared Chromium listens, or '' when there is no Chromium to start. */
    browserEndpoint: string;
  }
}

/** Nothing rebuilds these, so nothing is kept for a next build; one Astro process each, two builds at once. */
const once = { cache: false, parallel: 1 };

async function buildInto(root: string, name: string, contentDir: string, buildDate: string): Promise<string> {
  const outDir = path.join(root, name);
  const result = await build({ contentDir, outDir, buildDate, site: 'https://plan.example.org.uk', ...once });
  if (!result.ok) throw new Error(`${contentDir} did not build:\n${reportBuild(result)}`);
  return outDir;
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-site-'));
  const siteDir = path.join(root, 'dist');
  const fixtureDirs = {} as Record<FixtureName, string>;
  const cleanUp: Array<() => unknown> = [() => rmSync(root, { recursive: true, force: true })];
  const teardown = async () => {
    for (const step of cleanUp.reverse()) await step();
  };
  // The largest first, so that the two queues end together.
  const jobs: Array<() => Promise<void>> = [
    async () => {
      const result = await build({ contentDir: 'content', outDir: siteDir, buildDate: '2026-11-23', ...once });
      if (!result.ok) throw new Error(`the bundled content did not build:\n${reportBuild(result)}`);
    },
    async () => {
      const hostile = await buildHostileSites(once);
      cleanUp.push(() => hostile.tree.remove());
      project.provide('hostileDir', hostile.outDir);
    },
    ...fixtureNames.map((name) => async () => {
      fixtureDirs[name] = await buildInto(root, name, fixtureContent(name), fixtures[name].buildDate);
    }),
  ];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  };
  const built = await Promise.allSettled([worker(), worker()]);
  const failed = built.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  const browser = await startChromium();
  if (browser) cleanUp.push(() => browser.close());
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  project.provide('siteDir', siteDir);
  project.provide('fixtureDirs', fixtureDirs);
  return teardown;
}
