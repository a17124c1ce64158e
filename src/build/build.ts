/**
 * The build, in stages you can see: check the content (stop with every error if it is
 * invalid), render the sites with Astro into a staging folder, index each site for search,
 * then swap the staging folder into place. A failure at any stage leaves the previous
 * output exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { checkContent } from '../model/check.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { didYouMean } from '../model/suggest.ts';
import { placeNotFoundPages } from './not-found.ts';
import { writeSnapshot } from './snapshot.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Build only this partnership, at the root of its own domain. */
  partnership?: string;
  /** The site's URL, like https://plan.example.org.uk (used for canonical and feed links). */
  site?: string;
  /** The base path the site is served under, like /plan/. */
  base?: string;
  /** The date the site is built "as of", YYYY-MM-DD; defaults to today. */
  buildDate?: string;
  /** Where to print progress; silent when undefined. */
  log?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** What went wrong outside the content, when it failed for another reason. */
  error?: string;
  sites: Array<{ partnership: string; dir: string; pages: number }>;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);

  log('1/4 Checking content...');
  const checked = checkContent(options.contentDir);
  const errors = checked.problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) return { ok: false, problems: errors, sites: [] };
  const ids = checked.index.partnerships.map((p) => p.id);
  if (ids.length === 0) {
    return {
      ok: false,
      problems: [{ file: options.contentDir, message: 'there is no partnership to build', hint: 'add a folder with a partnership.md' }],
      sites: [],
    };
  }
  if (options.partnership && !ids.includes(options.partnership)) {
    const suggestion = didYouMean(options.partnership, ids);
    return {
      ok: false,
      problems: [],
      error: `unknown partnership "${options.partnership}"${suggestion ? `; ${suggestion}` : ''} (the content has ${ids.join(', ')})`,
      sites: [],
    };
  }

  // Staging sits beside the output so the final swap is a rename on one file system.
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`;
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-cache-'));
  try {
    // Astro renders exactly the entries the check accepted: it never reads the content folder itself.
    const snapshot = path.join(cacheDir, 'content.json');
    writeSnapshot(snapshot, checked.entries);
    log('2/4 Rendering pages with Astro...');
    const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
    const run = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', projectRoot, '--outDir', staging],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        env: {
          ...astroEnvironment(),
          ASTRO_TELEMETRY_DISABLED: '1',
          PLAN_CONTENT: path.resolve(options.contentDir),
          PLAN_SNAPSHOT: snapshot,
          PLAN_PARTNERSHIP: options.partnership ?? '',
          PLAN_SITE: options.site ?? '',
          PLAN_BASE: base,
          PLAN_CACHE_DIR: cacheDir,
          PLAN_BUILD_DATE: options.buildDate ?? new Date().toISOString().slice(0, 10),
        },
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    if (run.status !== 0) {
      return { ok: false, problems: [], error: `Astro could not build the site:\n${run.stderr || run.stdout}`, sites: [] };
    }

    log('3/4 Indexing each site for search...');
    const sites = options.partnership
      ? [{ partnership: options.partnership, dir: staging }]
      : ids.map((id) => ({ partnership: id, dir: path.join(staging, id) }));
    placeNotFoundPages([staging, ...sites.map((site) => site.dir)]);
    const built: BuildResult['sites'] = [];
    for (const site of sites) {
      const pages = await indexSite(site.dir);
      built.push({ ...site, pages });
    }
    await pagefind.close();

    log('4/4 Publishing...');
    const previous = `${outDir}.previous-${process.pid}-${Date.now()}`;
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
    return { ok: true, problems: [], sites: built.map((s) => ({ ...s, dir: s.dir.replace(staging, outDir) })) };
  } catch (error) {
    return { ok: false, problems: [], error: error instanceof Error ? error.message : String(error), sites: [] };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The environment Astro runs in: ours, less the variables a parent Vite or Vitest process
 * sets (BASE_URL, MODE...), which Astro would otherwise read as its own.
 */
function astroEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST') || key.startsWith('VITE_'))
      delete env[key];
  }
  return env;
}

/** One Pagefind index per site, written into the site, so no site's search can return another's pages. */
async function indexSite(dir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  // Our search page uses Pagefind's JS API: its ready-made UIs, and the index for pages of
  // no known language (we force English), would only be dead weight on the host.
  for (const name of readdirSync(path.join(dir, 'pagefind'))) {
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(name) || name === 'wasm.unknown.pagefind') {
      rmSync(path.join(dir, 'pagefind', name), { force: true });
    }
  }
  return added.page_count;
}

export function reportBuild(result: BuildResult): string {
  if (result.ok) {
    return result.sites.map((s) => `Built ${s.partnership}: ${s.pages} pages in ${path.relative(process.cwd(), s.dir) || '.'}`).join('\n');
  }
  const lines = result.problems.map(formatProblem);
  if (result.problems.length)
    lines.push(
      `\n${result.problems.length} ${result.problems.length === 1 ? 'error' : 'errors'} found. Nothing was built; the previous site is unchanged.`,
    );
  if (result.error) lines.push(`${result.error}\nNothing was published; the previous site is unchanged.`);
  return lines.join('\n');
}
