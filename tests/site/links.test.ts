/**
 * The link checker: every internal link, fragment and asset in every page of the built site
 * resolves, and nothing is loaded from another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, siteDir } from '../helpers/site.ts';

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

describe('links in the built site', () => {
  const root = siteDir();
  const pages = htmlFiles(root);
  const htmlByFile = new Map(pages.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

  it('builds pages for both partnerships', () => {
    expect(pages.filter((p) => p.startsWith('hampshire/')).length).toBeGreaterThan(50);
    expect(pages.filter((p) => p.startsWith('hounslow/')).length).toBeGreaterThan(50);
  });

  it('every internal link and fragment resolves', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [file, html] of htmlByFile) {
      const here = `/${path.posix.dirname(file)}/`.replace('//', '/');
      for (const match of html.matchAll(/<(?:a|link)\b[^>]*?\bhref="([^"]*)"|<(?:script|img|iframe|source)\b[^>]*?\bsrc="([^"]*)"/g)) {
        const raw = (match[1] ?? match[2]).replace(/&amp;/g, '&');
        if (/^(https?:|mailto:)/.test(raw)) continue;
        checked += 1;
        const url = new URL(raw, `http://site${here}`);
        const target = url.pathname.endsWith('/') ? path.posix.join(url.pathname, 'index.html') : url.pathname;
        const targetFile = decodeURIComponent(target).replace(/^\//, '');
        if (!existsSync(path.join(root, targetFile))) {
          broken.push(`${file}: ${raw} (no ${targetFile})`);
          continue;
        }
        if (url.hash) {
          const targetHtml = htmlByFile.get(targetFile) ?? readFileSync(path.join(root, targetFile), 'utf8');
          if (!idsIn(targetHtml).has(decodeURIComponent(url.hash.slice(1))))
            broken.push(`${file}: ${raw} (no id ${url.hash} in ${targetFile})`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('loads nothing from another host: no third-party scripts, styles, fonts or images', () => {
    const external: string[] = [];
    for (const [file, html] of htmlByFile) {
      for (const match of html.matchAll(/<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)="(https?:[^"]*|\/\/[^"]*)"/g)) {
        external.push(`${file}: ${match[1]}`);
      }
      for (const match of html.matchAll(/url\((["']?)(https?:|\/\/)/g)) external.push(`${file}: css url(${match[2]}...)`);
    }
    expect(external).toEqual([]);
  });
});
