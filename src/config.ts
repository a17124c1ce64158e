/**
 * Where the tool reads and writes, and how a build is set up, worked out here and nowhere else,
 * for every entry point: the commands (src/cli/), the build (src/builder/), and the Astro
 * processes the build starts (astro.config.mjs and src/site/, also under `astro dev`). The build
 * hands its settings to Astro in environment variables: this module writes them
 * (`siteEnvironment`, `unitEnvironment`) and reads them back (`siteSettings`), so their names
 * and meanings are in one place. The content folder is a setting so a partnership can keep its
 * plan in its own repository and point the tool at it.
 */
import path from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

/** The folder the tool writes the site into unless told otherwise. */
export const defaultOutFolder = 'dist';

/** The content folder: `--content DIR`, else $PLAN_CONTENT, else `content/`, from the current folder. */
export function contentFolder(given?: string, env: Environment = process.env): string {
  return path.resolve(given || env.PLAN_CONTENT || 'content');
}

/** What the build command was given; each falls back to its environment variable, then its default. */
export interface GivenBuildSettings {
  content?: string;
  out?: string;
  partnership?: string;
  site?: string;
  base?: string;
  date?: string;
}

/** Where a build reads and writes, and the site it makes. */
export interface BuildSettings {
  contentDir: string;
  outDir: string;
  /** One partnership built alone, at the root of its own domain. */
  partnership?: string;
  /** The site's URL, like https://plan.example.org.uk (canonical and feed links). */
  site?: string;
  /** The base path it is served under, like /plan/. */
  base?: string;
  /** The date the site is built "as of", YYYY-MM-DD; today when undefined. */
  buildDate?: string;
}

/** The build's settings: what was given, else $PLAN_CONTENT, $PLAN_PARTNERSHIP, $PLAN_SITE, $PLAN_BASE, else the defaults. */
export function buildSettings(given: GivenBuildSettings, env: Environment = process.env): BuildSettings {
  return {
    contentDir: contentFolder(given.content, env),
    outDir: given.out || defaultOutFolder,
    partnership: given.partnership || env.PLAN_PARTNERSHIP || undefined,
    site: given.site || env.PLAN_SITE || undefined,
    base: given.base || env.PLAN_BASE || undefined,
    buildDate: given.date,
  };
}

/** The settings every page of one build shares, as the pages see them. */
export interface SiteOptions {
  /** The site's URL, or '' for none. */
  site: string;
  /** The base path, always starting and ending with "/". */
  base: string;
  /** YYYY-MM-DD */
  buildDate: string;
}

/** The settings the pages are built with: the base path made "/x/", the date today's when not given. */
export function siteOptions(settings: Pick<BuildSettings, 'site' | 'base' | 'buildDate'>): SiteOptions {
  const base = settings.base ? `/${settings.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
  return { site: settings.site ?? '', base, buildDate: settings.buildDate ?? today() };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The environment every Astro process of a build gets: the content folder and the site's options. */
export function siteEnvironment(contentDir: string, options: SiteOptions): Record<string, string> {
  return {
    PLAN_CONTENT: path.resolve(contentDir),
    PLAN_SITE: options.site,
    PLAN_BASE: options.base,
    PLAN_BUILD_DATE: options.buildDate,
  };
}

/** What one Astro process of the build renders (src/builder/render.ts). */
export interface UnitSettings {
  /** The checked content it renders from (src/model/snapshot.ts). */
  snapshot: string;
  /** The partnership built alone, if one is. */
  partnership?: string;
  /** The sites it renders, when every site is built; the root pages too when `root`. */
  sites?: { ids: readonly string[]; root: boolean };
  /** Astro's cache, the unit's own. */
  cacheDir: string;
}

export function unitEnvironment(unit: UnitSettings): Record<string, string> {
  return {
    PLAN_SNAPSHOT: unit.snapshot,
    PLAN_PARTNERSHIP: unit.partnership ?? '',
    ...(unit.sites ? { PLAN_SITES: unit.sites.ids.join(','), PLAN_ROOT: unit.sites.root ? '1' : '0' } : {}),
    PLAN_CACHE_DIR: unit.cacheDir,
  };
}

/** The settings an Astro process reads: from the build, or, under `astro dev`, from the shell. */
export interface SiteSettings {
  contentDir: string;
  site?: string;
  base: string;
  /** YYYY-MM-DD */
  buildDate: string;
  /** The checked content to render; undefined under `astro dev`, which runs the check itself. */
  snapshot?: string;
  /** The partnership built alone. */
  partnership?: string;
  /** The sites this process renders (possibly none), when the build splits the work; every site when undefined. */
  sites?: string[];
  /** False when another process of the build renders the pages at the root. */
  root: boolean;
  cacheDir?: string;
}

export function siteSettings(env: Environment = process.env): SiteSettings {
  return {
    contentDir: contentFolder(undefined, env),
    site: env.PLAN_SITE || undefined,
    base: env.PLAN_BASE || '/',
    buildDate: (env.PLAN_BUILD_DATE || new Date().toISOString()).slice(0, 10),
    snapshot: env.PLAN_SNAPSHOT || undefined,
    partnership: env.PLAN_PARTNERSHIP || undefined,
    sites: env.PLAN_SITES === undefined ? undefined : env.PLAN_SITES.split(',').filter(Boolean),
    root: env.PLAN_ROOT !== '0',
    cacheDir: env.PLAN_CACHE_DIR || undefined,
  };
}
