/**
 * The editor on GitHub in a real build: a partnership that names its repository under `editor:`
 * gets /admin/ (the page, Sveltia's script served from the site itself, and the configuration
 * generated from the schemas); nothing a reader sees links to it or loads it, search never
 * finds it, and it has a policy of its own; sites that name no repository get nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, readHeadersFile } from '../../src/builder/headers.ts';
import { markdownText } from '../helpers/markdown-text.ts';
import { buildEditorSite, editorPartnership, editorRepository, type EditorSite } from '../helpers/editor-site.ts';
import { siteDir } from '../helpers/site.ts';

let site: EditorSite;
let admin: string;

beforeAll(async () => {
  site = await buildEditorSite();
  expect(site.result.ok ? '' : JSON.stringify(site.result)).toBe('');
  admin = path.join(site.outDir, editorPartnership, 'admin');
});
afterAll(() => site?.remove());

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

describe('a site whose partnership names its GitHub repository', () => {
  it('has the editor at /admin/: its page, Sveltia from the site itself, and the generated configuration', () => {
    expect(readdirSync(admin).sort()).toEqual(['config.yml', 'fonts', 'index.html', 'language.js', 'sveltia-cms.js']);
    const page = readFileSync(path.join(admin, 'index.html'), 'utf8');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toMatch(/<script src="\.\/sveltia-cms\.js"><\/script>/);
    // Nothing on the page from another site's servers.
    expect(page.match(/(?:src|href)="[^"]*"/g)).toEqual(['src="./language.js"', 'src="./sveltia-cms.js"']);
    const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@sveltia/cms')));
    // Sveltia's own script, but that the web fonts it would fetch from jsDelivr come from the site.
    const served = readFileSync(path.join(admin, 'sveltia-cms.js'), 'utf8');
    const shipped = readFileSync(path.join(packageDir, 'dist', 'sveltia-cms.js'), 'utf8');
    const fontAddress = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/[^)]+|\.\/fonts\/[^)]+/g;
    expect(served.replace(fontAddress, 'FONT')).toBe(shipped.replace(fontAddress, 'FONT'));
    expect(served).not.toContain('cdn.jsdelivr.net');
    const named = [...served.matchAll(/url\(\.\/fonts\/([^)]+)\)/g)].map((m) => m[1]).sort();
    expect(named.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(admin, 'fonts')).sort()).toEqual(named);
    for (const font of named)
      expect(
        readFileSync(path.join(admin, 'fonts', font))
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('wOF2');
    const config = parse(readFileSync(path.join(admin, 'config.yml'), 'utf8')) as { backend: unknown; publish_mode: unknown };
    expect(config.backend).toMatchObject({ name: 'github', repo: editorRepository, branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
  });

  it("says under an item's due date and each progress update's date the days its plan runs, which the form itself does not check", () => {
    type Field = { name: string; hint?: string; fields?: Field[] };
    const config = parse(readFileSync(path.join(admin, 'config.yml'), 'utf8')) as { collections: Array<{ name: string; fields: Field[] }> };
    const fieldsOf = (type: string) => config.collections.find((c) => c.name === type)!.fields;
    // The fixture's one plan, "Exploitation Strategy", runs from 1 April 2024 with no end.
    const note =
      'The plan "Exploitation Strategy" runs from 1 April 2024. A date outside its plan is shown as a warning on the pull request.';
    for (const type of ['priority', 'objective', 'action']) {
      const fields = fieldsOf(type);
      // Read as Markdown, as Sveltia shows a hint.
      const due = markdownText(fields.find((f) => f.name === 'due')?.hint ?? '');
      expect(due, type).toMatch(/^When it is due: .* or ongoing\. /);
      expect(due, type).toContain(note);
      const update = fields.find((f) => f.name === 'progress')!.fields!;
      expect(markdownText(update.find((f) => f.name === 'date')?.hint ?? ''), type).toBe(note);
      expect(update.find((f) => f.name === 'text')?.hint ?? '', type).not.toContain('runs from');
    }
    // Dates of other things are not the plan's: a reporting year's, a measure's values'.
    const elsewhere = JSON.stringify(config.collections.filter((c) => !['priority', 'objective', 'action'].includes(c.name)));
    expect(elsewhere).not.toContain('runs from');
  });

  it('gives /admin/ a policy of its own that lets it reach GitHub, and leaves the pages with theirs', () => {
    const rules = readHeadersFile(readFileSync(path.join(site.outDir, '_headers'), 'utf8'));
    const adminPolicy = headersFor(rules, `/${editorPartnership}/admin/`)['content-security-policy'];
    expect(adminPolicy).toContain('connect-src ');
    expect(adminPolicy).toContain('https://api.github.com');
    expect(headersFor(rules, `/${editorPartnership}/admin/`)['x-robots-tag']).toBe('noindex, nofollow');
    const pagePolicy = headersFor(rules, `/${editorPartnership}/`)['content-security-policy'];
    expect(pagePolicy).not.toContain('github');
    const meta = readFileSync(path.join(admin, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // Its fonts are the site's own: no font host elsewhere.
    expect(meta).toMatch(/font-src 'self' data:(;|$)/);
  });

  it('links to and loads nothing under /admin/ from any public page, feed or data file', () => {
    const published = filesUnder(site.outDir).filter((file) => !file.startsWith(`${editorPartnership}/admin/`) && file !== '_headers');
    const text = published.filter((file) => /\.(html|xml|json|csv|txt|js|css|svg)$/.test(file));
    expect(text.length).toBeGreaterThan(20);
    for (const file of text) expect(readFileSync(path.join(site.outDir, file), 'utf8'), file).not.toMatch(/admin\/|sveltia/i);
  });

  it('keeps /admin/ out of search', () => {
    const fragments = filesUnder(path.join(site.outDir, editorPartnership, 'pagefind')).filter((file) => file.endsWith('.pf_fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    for (const file of fragments) {
      const fragment = gunzipSync(readFileSync(path.join(site.outDir, editorPartnership, 'pagefind', file))).toString('utf8');
      expect(fragment).not.toMatch(/\/admin\//);
    }
  });
});

describe('the bundled sites, whose partnerships name no repository for the editor', () => {
  it('have no /admin/ and no rule for one', () => {
    const root = siteDir();
    expect(filesUnder(root).filter((file) => /(^|\/)admin\//.test(file))).toEqual([]);
    expect(readFileSync(path.join(root, '_headers'), 'utf8')).not.toContain('admin');
  });
});
