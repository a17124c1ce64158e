/**
 * Builds the real bundled content once, the way `npm run build` does (check, Astro, Pagefind),
 * into a temp folder that the site, search and browser tests read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, reportBuild } from '../../src/build/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** dist/ of the bundled content, every partnership built. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-site-'));
  const outDir = path.join(root, 'dist');
  const result = await build({ contentDir: 'content', outDir, buildDate: '2026-11-23' });
  if (!result.ok) throw new Error(`the bundled content did not build:\n${reportBuild(result)}`);
  project.provide('siteDir', outDir);
  return () => rmSync(root, { recursive: true, force: true });
}
