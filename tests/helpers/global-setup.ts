/**
 * Builds the real bundled content and every fixture plan once per run, the way `npm run build`
 * does (check, Astro, Pagefind), into a temp folder that the site, search, browser and
 * consistency tests read. Two builds run at once: each is itself parallel, and 2 cores is the floor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, reportBuild } from '../../src/build/build.ts';
import { fixtureContent, fixtureNames, fixtures, type FixtureName } from '../fixtures/fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of the bundled content, every partnership built. */
    siteDir: string;
    /** dist/ of each fixture plan, every partnership built, as of its own build date. */
    fixtureDirs: Record<FixtureName, string>;
  }
}

async function buildInto(root: string, name: string, contentDir: string, buildDate: string): Promise<string> {
  const outDir = path.join(root, name);
  const result = await build({ contentDir, outDir, buildDate, site: 'https://plan.example.org.uk' });
  if (!result.ok) throw new Error(`${contentDir} did not build:\n${reportBuild(result)}`);
  return outDir;
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-site-'));
  const siteDir = path.join(root, 'dist');
  const bundled = build({ contentDir: 'content', outDir: siteDir, buildDate: '2026-11-23' }).then((result) => {
    if (!result.ok) throw new Error(`the bundled content did not build:\n${reportBuild(result)}`);
  });
  const fixtureDirs = {} as Record<FixtureName, string>;
  const queue = [...fixtureNames];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      fixtureDirs[name] = await buildInto(root, name, fixtureContent(name), fixtures[name].buildDate);
    }
  };
  await Promise.all([bundled.then(worker), worker()]);
  project.provide('siteDir', siteDir);
  project.provide('fixtureDirs', fixtureDirs);
  return () => rmSync(root, { recursive: true, force: true });
}
