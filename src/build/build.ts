/**
 * The build, in stages you can see: check the content (stop with every error if it is
 * invalid), render the sites with Astro into a staging folder, index each site for search,
 * then swap the staging folder into place. A failure at any stage leaves the previous
 * output exactly as it was; a kill at any stage leaves it, or the new one, complete (see
 * publish.ts). One build at a time per output folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { checkContent } from '../model/check.ts';
import { astroEntry, packageRoot as projectRoot } from '../package-root.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { didYouMean } from '../model/suggest.ts';
import { explainFileError } from './file-errors.ts';
import { headersFile } from './headers.ts';
import {
  cacheFolder,
  lockMessage,
  publish,
  recoverOutput,
  removeAbandonedCaches,
  stagingFolder,
  takeLock,
  type StageHook,
} from './publish.ts';
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
  /** For tests: called as the build reaches each stage; throwing there fails the build, as a crash would. */
  onStage?: StageHook;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** What went wrong outside the content, when it failed for another reason. */
  error?: string;
  /** What to do about the error. */
  hint?: string;
  sites: Array<{ partnership: string; dir: string; pages: number }>;
}

/** A failure outside the content, with what to do about it. */
class BuildError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const spaceHint = 'Check that the disk has free space and that the folder holding the output can be written to, then build again.';

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const lock = takeLock(outDir);
  if (!lock.ok) return { ok: false, problems: [], ...lockMessage(outDir, lock), sites: [] };
  try {
    // Before anything else: an interrupted build may have left no site at all.
    const restored = recoverOutput(outDir);
    if (restored) log(restored);
    removeAbandonedCaches();
  } catch (error) {
    lock.release();
    return {
      ok: false,
      problems: [],
      error: `Could not tidy up after an earlier build: ${explainFileError(error)}.`,
      hint: spaceHint,
      sites: [],
    };
  }
  try {
    return await checkRenderAndPublish(options);
  } finally {
    lock.release();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function checkRenderAndPublish(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);

  log('1/4 Checking content...');
  const checked = checkContent(options.contentDir);
  const errors = checked.problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) return { ok: false, problems: errors, sites: [] };
  const ids = checked.index.sites.map((p) => p.id);
  if (ids.length === 0) {
    return {
      ok: false,
      problems: [
        {
          file: options.contentDir,
          message: 'there is no site to build: no partnership has a plan',
          hint: 'add a folder with a partnership.md, and a plan in its plans/ folder',
        },
      ],
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

  const staging = stagingFolder(outDir);
  const cacheDir = cacheFolder();
  try {
    // Astro renders exactly the entries the check accepted: it never reads the content folder itself.
    const snapshot = path.join(cacheDir, 'content.json');
    writeSnapshot(snapshot, checked.entries);
    log('2/4 Rendering pages with Astro...');
    const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
    const run = spawnSync(process.execPath, [astroEntry(), 'build', '--root', projectRoot, '--outDir', staging], {
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
    });
    if (run.status !== 0) {
      return { ok: false, problems: [], error: `Astro could not build the site:\n${run.stderr || run.stdout}`, sites: [] };
    }
    await options.onStage?.('rendered');

    log('3/4 Indexing each site for search...');
    const sites = options.partnership
      ? [{ partnership: options.partnership, dir: staging }]
      : ids.map((id) => ({ partnership: id, dir: path.join(staging, id) }));
    placeNotFoundPages([staging, ...sites.map((site) => site.dir)]);
    const built: BuildResult['sites'] = [];
    for (const site of sites) {
      try {
        const pages = await indexSite(site.dir);
        built.push({ ...site, pages });
      } catch (error) {
        throw new BuildError(`Could not write the search index for ${site.partnership}: ${explainFileError(error)}.`, spaceHint);
      }
    }
    await pagefind.close();
    // Checked with the content (src/model/branding.ts): the bytes the check read are the ones published.
    for (const asset of checked.assets) {
      const site = sites.find((s) => s.partnership === asset.partnership);
      if (site) writeFileSync(path.join(site.dir, asset.name), asset.bytes);
    }
    // For hosts that read it; the preview server sends what it says too.
    writeFileSync(path.join(staging, '_headers'), headersFile());

    log('4/4 Publishing...');
    try {
      await publish(staging, outDir, options.onStage);
    } catch (error) {
      throw new BuildError(
        `Could not move the new site into ${path.basename(outDir)}/: ${explainFileError(error)}.`,
        `Check that no other program (a file browser, an editor, a web server) is holding files in ${path.basename(outDir)}/ open, and that the disk has free space, then build again.`,
      );
    }
    return { ok: true, problems: [], sites: built.map((s) => ({ ...s, dir: s.dir.replace(staging, outDir) })) };
  } catch (error) {
    return { ok: false, problems: [], error: message(error), hint: error instanceof BuildError ? error.hint : undefined, sites: [] };
  } finally {
    await pagefind.close(); // stops its indexing process, also when indexing failed
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
  // Pagefind's own writeFiles never answers when writing fails (its process dies mid-call),
  // which would hang the build on a full disk: take the files and write them here instead.
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`Pagefind could not make its index: ${built.errors.join('; ')}`);
  await index.deleteIndex();
  for (const file of built.files) {
    // Our search page uses Pagefind's JS API: its ready-made UIs, and the index for pages of
    // no known language (we force English), would only be dead weight on the host.
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)\b/.test(file.path) || file.path === 'wasm.unknown.pagefind') continue;
    const target = path.join(dir, 'pagefind', file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
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
  if (result.error)
    lines.push(`${result.error}\nNothing was published; the previous site is unchanged.${result.hint ? `\n${result.hint}` : ''}`);
  return lines.join('\n');
}
