/**
 * The built site has both partnerships' pages and loads nothing from another host. That every
 * internal link, fragment and asset resolves is checked for this site and every fixture's by
 * tests/build/links.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, siteDir } from '../helpers/site.ts';

describe('links in the built site', () => {
  const root = siteDir();
  const pages = htmlFiles(root);
  const htmlByFile = new Map(pages.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));

  it('builds pages for both partnerships', () => {
    expect(pages.filter((p) => p.startsWith('hampshire/')).length).toBeGreaterThan(50);
    expect(pages.filter((p) => p.startsWith('hounslow/')).length).toBeGreaterThan(50);
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
