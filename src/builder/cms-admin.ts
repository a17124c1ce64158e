/**
 * The browser editor a site carries when its partnership.md names a GitHub repository
 * (`editor:`): /admin/index.html, the Sveltia CMS script copied from the installed package with
 * the web fonts it would fetch from a CDN served beside it (the page loads nothing from another
 * site's servers but GitHub's), and /admin/config.yml generated from the
 * content schemas (src/authoring/cms-config.ts). Written after the site is indexed for search,
 * so search never finds it; no page links to it; it asks search engines not to index it. A site
 * whose partnership declares no editor gets none of these files.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { contentTypes, type GithubEditorData } from '../../schemas/index.ts';
import { cmsConfigYaml } from '../authoring/cms-config.ts';
import { editorConfig } from '../authoring/editor-config.ts';
import type { AnyEntry } from '../model/entries.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { adminPolicy } from './headers.ts';

/** The folder of the editor in a site. */
export const adminFolder = 'admin';

const require = createRequire(import.meta.url);

/** Sveltia's script as its package ships it, ready to run in a browser. */
function sveltiaScript(): string {
  // The package exports only its entry point (npm/index.js); the browser build sits beside it in dist/.
  const entry = require.resolve('@sveltia/cms');
  return path.join(path.dirname(entry), '..', 'dist', 'sveltia-cms.js');
}

/**
 * The web fonts Sveltia's script loads from jsDelivr's copy of Fontsource (its icons are one: without
 * it every icon shows as a word, "more_vert"), each with the Fontsource package that holds the
 * same file, pinned to the version the script names. The site serves them from /admin/fonts/.
 */
export const sveltiaFonts = [
  {
    url: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    file: () => require.resolve('@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2'),
  },
  {
    url: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    file: () => require.resolve('@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2'),
  },
  {
    url: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
    file: () => require.resolve('@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2'),
  },
] as const;

/** Where the page finds a font: beside it, since a style's relative address is the page's. */
const fontPath = (file: string) => `./fonts/${path.basename(file)}`;

/**
 * Sveltia's script with each font's address turned into the site's own copy. A Sveltia whose
 * script names other fonts (after an upgrade) stops the build rather than reach for the CDN.
 */
function selfHostedScript(): string {
  let script = readFileSync(sveltiaScript(), 'utf8');
  for (const font of sveltiaFonts) {
    if (!script.includes(font.url))
      throw new Error(`Sveltia CMS no longer loads ${font.url}: update sveltiaFonts in src/builder/cms-admin.ts`);
    script = script.replaceAll(font.url, fontPath(font.file()));
  }
  const left = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^\s)'"`]+/.exec(script);
  if (left)
    throw new Error(`Sveltia CMS loads ${left[0]}, which the site does not serve: add it to sveltiaFonts in src/builder/cms-admin.ts`);
  return script;
}

/** Writes Sveltia's script and its fonts into the editor's folder. */
function writeSveltia(folder: string): void {
  writeFileSync(path.join(folder, 'sveltia-cms.js'), selfHostedScript());
  mkdirSync(path.join(folder, 'fonts'));
  for (const font of sveltiaFonts) copyFileSync(font.file(), path.join(folder, fontPath(font.file())));
}

/**
 * Sveltia CMS has the words of US English built in and fetches every other language's from
 * unpkg.com, which this page's policy refuses; in a browser set to British English (as most of
 * its users' are) it then stops responding altogether (seen with 0.221.1 in Chromium). So the
 * page starts it in US English, the one it never fetches, through the setting its own
 * preferences keep (`sveltia-cms.prefs` in the browser's storage). A file, not an inline script,
 * so the policy needs no exception.
 */
export const languageScript = 'language.js';
const languageSource = `// Written by the build: see src/builder/cms-admin.ts.
try {
  const prefs = JSON.parse(localStorage.getItem('sveltia-cms.prefs') || '{}') || {};
  localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ ...prefs, locale: 'en-US' }));
} catch {
  // No storage (a private window that refuses it): Sveltia starts in the browser's language.
}
`;

/** The page: no title or text from the content (nothing an author writes lands in it), Sveltia does the rest. */
export function adminPage(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<meta http-equiv="Content-Security-Policy" content="${adminPolicy.join('; ')}">`,
    '<meta name="referrer" content="same-origin">',
    '<title>Plan editor</title>',
    '</head>',
    '<body>',
    `<script src="./${languageScript}"></script>`,
    // A classic script, as Sveltia asks: it starts itself when its address ends in "/sveltia-cms.js".
    '<script src="./sveltia-cms.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The partnerships that declare an editor, by id, with where it saves. */
export function declaredEditors(entries: readonly AnyEntry[]): Map<string, GithubEditorData> {
  const editors = new Map<string, GithubEditorData>();
  for (const entry of entries) if (entry.type === 'partnership' && entry.data.editor) editors.set(entry.partnership, entry.data.editor);
  return editors;
}

/**
 * Writes the editor into each site whose partnership declares one; returns the sites' folders
 * (relative to `root`, like `hampshire/`) that got one. Written as new files: a site reused from
 * the last build may hold links to the files of the output it replaces. `index`, the content as
 * the check linked it, gives the days each plan runs, which the form says under its dates.
 */
export function writeAdmins(
  entries: readonly AnyEntry[],
  sites: ReadonlyArray<{ partnership: string; dir: string }>,
  contentDir: string,
  root: string,
  index: PlanIndex,
): string[] {
  const written: string[] = [];
  for (const [partnership, github] of declaredEditors(entries)) {
    const site = sites.find((s) => s.partnership === partnership);
    if (!site) continue;
    const folder = path.join(site.dir, adminFolder);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), adminPage());
    writeFileSync(path.join(folder, 'config.yml'), cmsConfigYaml(editorConfig(contentDir, partnership, contentTypes, index), github));
    writeFileSync(path.join(folder, languageScript), languageSource);
    writeSveltia(folder);
    const relative = path.relative(root, site.dir).split(path.sep).join('/');
    written.push(relative === '' ? '' : `${relative}/`);
  }
  return written;
}
