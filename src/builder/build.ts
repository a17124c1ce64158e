/**
 * The build, in stages you can see: check the content (stop with every error if it is
 * invalid), render the sites with Astro into a staging folder and index each site for search
 * (src/builder/render.ts: in units, in parallel, reusing each unchanged site's last output), then
 * swap the staging folder into place. A failure at any stage leaves the previous output exactly
 * as it was; a kill at any stage leaves it, or the new one, complete (see publish.ts). One build
 * at a time per output folder.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { siteEnvironment, siteOptions, type BuildSettings } from '../config.ts';
import { checkContent, type CheckResult } from '../model/check.ts';
import { packageRoot as projectRoot } from '../package-root.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { didYouMean } from '../model/suggest.ts';
import { diskFullCode, diskFullMessage, explainFileError } from './file-errors.ts';
import { adminFolder, writeAdmins } from './cms-admin.ts';
import { headersFile } from './headers.ts';
import { OutputCache } from './incremental.ts';
import {
  cacheFolder,
  lockMessage,
  publish,
  recoverOutput,
  removeAbandonedCaches,
  stagingFolder,
  takeLock,
  type LockResult,
  type StageHook,
} from './publish.ts';
import { RenderError, renderSites, SearchIndexError, type RenderReport } from './render.ts';
import { closeSearchIndexer, openSearchIndexer } from './search-index.ts';

/** Where the build reads and writes and the site it makes (src/config.ts), and how it goes about it. */
export interface BuildOptions extends BuildSettings {
  /** Where to print progress; silent when undefined. */
  log?: (line: string) => void;
  /** For tests: called as the build reaches each stage; throwing there fails the build, as a crash would. */
  onStage?: StageHook;
  /** Reuse each unchanged site's output from the last build (kept in `<outDir>.cache/`); default true. */
  cache?: boolean;
  /** How many Astro processes at once; defaults to the machine's cores. */
  parallel?: number;
  /** At most this many pages per Astro process (one site alone may have more). */
  maxPagesPerUnit?: number;
  /** At most this many sites per Astro process. */
  maxSitesPerUnit?: number;
  /**
   * Delete the site it replaces in a process of its own, after the new one is in place,
   * instead of waiting for it (the command line does; default false).
   */
  discardInBackground?: boolean;
}

/** Where the time went, for the site benchmark. */
export interface BuildTimings {
  checkMs: number;
  /** From the first unit starting to the last site indexed. */
  renderMs: number;
  publishMs: number;
  render?: RenderReport;
}

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** What went wrong outside the content, when it failed for another reason. */
  error?: string;
  /** What to do about the error. */
  hint?: string;
  /** The disk (or the quota) is full: `error` is the one message to show, with what to do. */
  diskFull?: boolean;
  sites: Array<{ partnership: string; dir: string; pages: number; reused?: boolean }>;
  timings?: BuildTimings;
}

/** A failure outside the content, with what to do about it. */
class BuildError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string, cause: unknown) {
    super(message, { cause });
    this.hint = hint;
  }
}

/**
 * How a failure outside the content is reported: a full disk, at any step, in one plain
 * message (never a stack trace); anything else as `otherwise` says.
 */
function failed(error: unknown, step: string, outDir: string, otherwise: { error: string; hint?: string }): BuildResult {
  const full = diskFullMessage(error, step, outDir);
  if (full) return { ok: false, problems: [], error: full, diskFull: true, sites: [] };
  return { ok: false, problems: [], ...otherwise, sites: [] };
}

const spaceHint = 'Check that the disk has free space and that the folder holding the output can be written to, then build again.';

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  let lock: LockResult;
  try {
    lock = takeLock(outDir);
  } catch (error) {
    return failed(error, 'starting', outDir, { error: `Could not start the build: ${explainFileError(error)}.`, hint: spaceHint });
  }
  if (!lock.ok) return { ok: false, problems: [], ...lockMessage(outDir, lock), sites: [] };
  try {
    // Before anything else: an interrupted build may have left no site at all.
    const restored = recoverOutput(outDir);
    if (restored) log(restored);
    removeAbandonedCaches();
    new OutputCache(outDir).tidy();
  } catch (error) {
    lock.release();
    return failed(error, 'tidying up after an earlier build', outDir, {
      error: `Could not tidy up after an earlier build: ${explainFileError(error)}.`,
      hint: spaceHint,
    });
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
  const startedAt = performance.now();
  log('1/4 Checking content...');
  const checked = checkForBuild(options);
  if ('refused' in checked) return checked.refused;
  const checkMs = performance.now() - startedAt;
  await options.onStage?.('checked');
  return renderAndPublish(options, checked.content, checkMs);
}

/** Stage 1: the checked content, or why nothing can be built from it. */
function checkForBuild(options: BuildOptions): { content: CheckResult } | { refused: BuildResult } {
  const checked = checkContent(options.contentDir, { today: options.buildDate });
  const errors = checked.problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) return { refused: { ok: false, problems: errors, sites: [] } };
  const ids = checked.index.sites.map((p) => p.id);
  if (ids.length === 0) {
    const problem = {
      file: options.contentDir,
      message: 'there is no site to build: no partnership has a plan',
      hint: 'add a folder with a partnership.md, and a plan in its plans/ folder',
    };
    return { refused: { ok: false, problems: [problem], sites: [] } };
  }
  if (options.partnership && !ids.includes(options.partnership)) {
    const suggestion = didYouMean(options.partnership, ids);
    const error = `unknown partnership "${options.partnership}"${suggestion ? `; ${suggestion}` : ''} (the content has ${ids.join(', ')})`;
    return { refused: { ok: false, problems: [], error, sites: [] } };
  }
  return { content: checked };
}

/** Stages 2 to 4, in a staging folder and a temporary folder that are removed whatever happens. */
async function renderAndPublish(options: BuildOptions, checked: CheckResult, checkMs: number): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const made: { staging?: string; tempDir?: string } = {};
  let step = 'starting';
  openSearchIndexer();
  try {
    const staging = (made.staging = stagingFolder(outDir));
    const tempDir = (made.tempDir = cacheFolder());
    const cache = keptOutput(outDir, options.cache);
    const renderStarted = performance.now();
    let rendered: RenderReport;
    try {
      rendered = await renderStaged(options, checked, { staging, tempDir, cache, published: outDir });
    } catch (error) {
      step = stepOf(error);
      if (error instanceof RenderError && !diskFullCode(error)) return { ok: false, problems: [], error: error.message, sites: [] };
      throw renderFailure(error);
    }
    step = 'publishing the new site';
    const renderMs = performance.now() - renderStarted;
    writeCheckedAssets(checked.assets, rendered.sites);
    // After indexing, so search never finds it; only for partnerships that declare `editor:`.
    const admins = writeAdmins(checked.entries, rendered.sites, options.contentDir, staging, checked.index);
    log('3/4 Writing headers...');
    // For hosts that read it; the preview server sends what it says too.
    writeFileSync(path.join(staging, '_headers'), headersFile(admins.map((site) => `/${site}${adminFolder}/`)));
    log('4/4 Publishing...');
    const publishStarted = performance.now();
    await publishStaged(staging, outDir, options);
    const timings = { checkMs, renderMs, publishMs: performance.now() - publishStarted, render: rendered };
    return { ok: true, problems: [], sites: publishedSites(rendered, staging, outDir), timings };
  } catch (error) {
    return failed(error, step, outDir, { error: message(error), hint: error instanceof BuildError ? error.hint : undefined });
  } finally {
    await closeSearchIndexer(); // stops its indexing process, also when indexing failed
    if (made.staging) rmSync(made.staging, { recursive: true, force: true });
    if (made.tempDir) rmSync(made.tempDir, { recursive: true, force: true });
  }
}

/** The output kept from the last build, to reuse; none, and emptied, with --no-cache. */
function keptOutput(outDir: string, use: boolean | undefined): OutputCache | undefined {
  const cache = new OutputCache(outDir);
  if (use !== false) return cache;
  cache.clear();
  return undefined;
}

/** Stage 2: every site rendered and indexed into the staging folder. */
function renderStaged(
  options: BuildOptions,
  checked: CheckResult,
  folders: { staging: string; tempDir: string; cache?: OutputCache; published: string },
): Promise<RenderReport> {
  // Astro renders exactly the entries the check accepted: it never reads the content folder itself.
  const site = siteOptions(options);
  return renderSites({
    projectRoot,
    contentDir: path.resolve(options.contentDir),
    ...folders,
    entries: checked.entries,
    index: checked.index,
    partnership: options.partnership,
    ...site,
    parallel: options.parallel,
    maxPages: options.maxPagesPerUnit,
    maxSites: options.maxSitesPerUnit,
    env: { ...astroEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...siteEnvironment(options.contentDir, site) },
    log: options.log ?? (() => {}),
    onRendered: () => options.onStage?.('rendered'),
    onIndexed: () => options.onStage?.('indexed'),
  });
}

/** Which step a failure to render stopped, for the message about a full disk. */
function stepOf(error: unknown): string {
  if (error instanceof RenderError) return 'rendering the pages';
  if (error instanceof SearchIndexError) return 'indexing the sites for search';
  return 'writing the new site';
}

function renderFailure(error: unknown): BuildError {
  if (error instanceof SearchIndexError) return new BuildError(`${error.message}: ${explainFileError(error.reason)}.`, spaceHint, error);
  return new BuildError(`Could not write the new site: ${explainFileError(error)}.`, spaceHint, error);
}

/**
 * The files checked with the content (src/model/branding.ts), like a logo: the bytes the check
 * read are the ones published. Written after the cache kept each site's output, as new files: a
 * reused site's folder may hold links to the files of the site it replaces.
 */
function writeCheckedAssets(assets: CheckResult['assets'], sites: RenderReport['sites']): void {
  for (const asset of assets) {
    const site = sites.find((s) => s.partnership === asset.partnership);
    if (!site) continue;
    const target = path.join(site.dir, asset.name);
    rmSync(target, { force: true });
    writeFileSync(target, asset.bytes);
  }
}

/** Stage 4: the staging folder swapped into place. */
async function publishStaged(staging: string, outDir: string, options: BuildOptions): Promise<void> {
  try {
    await publish(staging, outDir, options.onStage, { discardInBackground: options.discardInBackground });
  } catch (error) {
    throw new BuildError(
      `Could not move the new site into ${path.basename(outDir)}/: ${explainFileError(error)}.`,
      `Check that no other program (a file browser, an editor, a web server) is holding files in ${path.basename(outDir)}/ open, and that the disk has free space, then build again.`,
      error,
    );
  }
}

/** Where each site now is, in the published output. */
function publishedSites(rendered: RenderReport, staging: string, outDir: string): BuildResult['sites'] {
  return rendered.sites.map((s) => ({ partnership: s.partnership, dir: s.dir.replace(staging, outDir), pages: s.pages, reused: s.reused }));
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

export function reportBuild(result: BuildResult): string {
  if (result.ok) {
    return result.sites
      .map((s) => `${s.reused ? 'Unchanged' : 'Built'} ${s.partnership}: ${s.pages} pages in ${path.relative(process.cwd(), s.dir) || '.'}`)
      .join('\n');
  }
  const lines = result.problems.map(formatProblem);
  if (result.problems.length)
    lines.push(
      `\n${result.problems.length} ${result.problems.length === 1 ? 'error' : 'errors'} found. Nothing was built; the previous site is unchanged.`,
    );
  if (result.error && result.diskFull) lines.push(result.error);
  else if (result.error)
    lines.push(`${result.error}\nNothing was published; the previous site is unchanged.${result.hint ? `\n${result.hint}` : ''}`);
  return lines.join('\n');
}
