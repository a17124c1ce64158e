/**
 * No page links to a page the plan does not have (issue 26): over the bundled content's site and
 * every fixture plan's, each built by the global setup, every link, fragment, asset, form, feed
 * link and open-data `url` that points into the site resolves to a file the build wrote. A broken
 * one is reported with the page it is on. The checker itself is first shown a site with links
 * broken on purpose, so that an empty list means "none broken", not "none looked at".
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fixtureNames } from '../fixtures/fixtures.ts';
import { checkLinks } from '../helpers/link-check.ts';

const sites: Array<[string, string]> = [
  ['the bundled content', inject('siteDir')],
  ...fixtureNames.map((name): [string, string] => [`the ${name} fixture`, inject('fixtureDirs')[name]]),
];

describe('the link checker', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-links-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports a missing page, a missing fragment and a missing data file, each with the page that links to it', () => {
    const copy = path.join(work, 'outcomes-plan');
    cpSync(inject('fixtureDirs')['outcomes-plan'], copy, { recursive: true });
    expect(checkLinks(copy).broken).toEqual([]);
    // A strand page the plan does not have, a skip link to an id that is gone, a CSV that is gone.
    rmSync(path.join(copy, 'wrenfield/strands/pursue'), { recursive: true });
    const about = path.join(copy, 'wrenfield/about/index.html');
    writeFileSync(about, readFileSync(about, 'utf8').replace('id="main"', 'id="content"'));
    rmSync(path.join(copy, 'wrenfield/data/actions.csv'));
    const { broken } = checkLinks(copy);
    expect(broken).toContain('/wrenfield/strands/: /wrenfield/strands/pursue/ (the site has no wrenfield/strands/pursue/index.html)');
    expect(broken).toContain(
      '/wrenfield/actions/close-county-lines/: /wrenfield/strands/pursue/ (the site has no wrenfield/strands/pursue/index.html)',
    );
    expect(broken).toContain('/wrenfield/about/: #main (/wrenfield/about/ has no element with id "main")');
    expect(broken).toContain('/wrenfield/data/: /wrenfield/data/actions.csv (the site has no wrenfield/data/actions.csv)');
    // plan.json's strand links are followed as well as the pages' (absolute when the site has an address).
    expect(broken).toContainEqual(
      expect.stringMatching(
        /^\/wrenfield\/data\/plan\.json: (https:\/\/plan\.example\.org\.uk)?\/wrenfield\/strands\/pursue\/ \(the site has no wrenfield\/strands\/pursue\/index\.html\)$/,
      ),
    );
  });
});

describe.each(sites)('%s', (_name, root) => {
  it('links only to pages, fragments and files its build wrote', () => {
    const { checked, broken } = checkLinks(root);
    expect(broken).toEqual([]);
    // Every page has a header, a footer and breadcrumbs: a site read at all gives hundreds.
    expect(checked).toBeGreaterThan(400);
  });
});
