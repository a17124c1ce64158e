/**
 * Rebuilding only what changed: after an edit, the build renders again the sites whose content
 * changed (the editing partnership's, and every site that shows a plan it holds) and reuses the
 * others' output from the last build, and what it publishes is byte for byte what a build from
 * nothing publishes. The first build renders each site in a unit of its own, from only the
 * entries that site shows and names; the build from nothing renders every site in one unit, so
 * the comparison also proves a unit's entries are all a site needs, shared plans and joint
 * partners' links included.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, reportBuild, type BuildOptions, type BuildResult } from '../../src/builder/build.ts';
import { validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { links, page } from '../helpers/site.ts';

const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

/** Every file under a folder with a hash of its bytes, by path. */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else found[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return found;
}

function retitle(file: string, title: string) {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

const h1 = (html: string) => /<h1>(?:<span class="caption">[^<]*<\/span>)?\s*([^<]*)<\/h1>/.exec(html)?.[1];

async function built(options: BuildOptions): Promise<BuildResult> {
  const result = await build({ buildDate: '2023-10-01', site: 'https://plans.example.org.uk', ...options });
  expect(result.ok, reportBuild(result)).toBe(true);
  return result;
}

const rendered = (result: BuildResult) =>
  result.sites
    .filter((s) => !s.reused)
    .map((s) => s.partnership)
    .sort();

describe('a build after an edit', () => {
  it('renders again only the sites whose content changed, reuses the others, and publishes what a full build does', async () => {
    // Two partnerships publishing one plan written in east-shire's folder; and hampshire, whose
    // action is joint work with hounslow, whose site is linked from it.
    const hampshire = validTree('hampshire');
    const joint = {
      ...hampshire,
      'hampshire/partnership.md': hampshire['hampshire/partnership.md'].replace(
        'contact:\n',
        'jointWith:\n  - id: hounslow\n    name: Hounslow Safeguarding Children Partnership\ncontact:\n',
      ),
      'hampshire/actions/deliver-training.md': hampshire['hampshire/actions/deliver-training.md'].replace(
        'status: in-progress\n',
        'status: in-progress\njoint: [hounslow]\n',
      ),
    };
    const t = writeTree({ ...joint, ...validTree('hounslow') });
    trees.push(t);
    cpSync(path.resolve('tests/fixtures/shared-plan/content'), t.contentDir, { recursive: true });
    const outDir = path.join(t.root, 'dist');

    const first = await built({ contentDir: t.contentDir, outDir, maxSitesPerUnit: 1 });
    expect(rendered(first)).toEqual(['east-shire', 'hampshire', 'hounslow', 'west-shire']);
    expect(links(page('/hampshire/actions/deliver-training/', outDir))).toContain('/hounslow/');
    const before = files(outDir);

    // One partnership's own action: only its site is rendered again.
    retitle(path.join(t.contentDir, 'hampshire/actions/deliver-training.md'), 'Deliver neglect training twice a year');
    const second = await built({ contentDir: t.contentDir, outDir, maxSitesPerUnit: 1 });
    expect(rendered(second)).toEqual(['hampshire']);
    expect(h1(page('/hampshire/actions/deliver-training/', outDir))).toBe('Deliver neglect training twice a year');
    const after = files(outDir);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => !file.startsWith('hampshire/'))).toEqual([]);

    // A priority of the plan east-shire holds and west-shire shares: both sites show it.
    retitle(path.join(t.contentDir, 'east-shire/priorities/neglect.md'), 'Neglect, seen early');
    const third = await built({ contentDir: t.contentDir, outDir, maxSitesPerUnit: 1 });
    expect(rendered(third)).toEqual(['east-shire', 'west-shire']);
    expect(h1(page('/west-shire/priorities/neglect/', outDir))).toContain('Neglect, seen early');
    expect(h1(page('/east-shire/priorities/neglect/', outDir))).toContain('Neglect, seen early');

    // From nothing, every site in one Astro process: the same files, byte for byte.
    const fullDir = path.join(t.root, 'full');
    const full = await built({ contentDir: t.contentDir, outDir: fullDir, cache: false, parallel: 1 });
    expect(rendered(full)).toEqual(['east-shire', 'hampshire', 'hounslow', 'west-shire']);
    expect(files(outDir)).toEqual(files(fullDir));
  });

  it('renders everything again when the build options change', async () => {
    const t = writeTree(validTree('hampshire'));
    trees.push(t);
    const outDir = path.join(t.root, 'dist');
    const first = await built({ contentDir: t.contentDir, outDir });
    const again = await built({ contentDir: t.contentDir, outDir });
    expect(rendered(again)).toEqual([]);
    expect(again.sites[0].pages).toBe(first.sites[0].pages);
    const moved = await built({ contentDir: t.contentDir, outDir, buildDate: '2023-10-02' });
    expect(rendered(moved)).toEqual(['hampshire']);
  });
});

/** Every file under a folder that shares its bytes with another name (a hard link), by path. */
function linked(dir: string): string[] {
  return Object.keys(files(dir)).filter((file) => statSync(path.join(dir, file)).nlink > 1);
}

/** Every file under a folder whose text holds `marker`. */
function holding(dir: string, marker: string): string[] {
  return Object.keys(files(dir)).filter((file) => readFileSync(path.join(dir, file), 'utf8').includes(marker));
}

describe('a build after its output was tampered with', () => {
  const tampered = '<script>alert("tampered")</script>';

  it('never republishes an edit made in place to a published page, even after dist/ is deleted', async () => {
    const t = writeTree(validTree('hampshire'));
    trees.push(t);
    const outDir = path.join(t.root, 'dist');
    await built({ contentDir: t.contentDir, outDir });
    const clean = files(outDir);

    // Edited in place, as an editor or a script on the server would: the same file, new bytes.
    appendFileSync(path.join(outDir, 'hampshire/index.html'), tampered);
    appendFileSync(path.join(outDir, 'index.html'), tampered);
    const again = await built({ contentDir: t.contentDir, outDir });
    expect(rendered(again)).toEqual([]);
    expect(holding(outDir, tampered)).toEqual([]);
    expect(files(outDir)).toEqual(clean);
    expect(linked(outDir)).toEqual([]);

    appendFileSync(path.join(outDir, 'hampshire/actions/deliver-training/index.html'), tampered);
    rmSync(outDir, { recursive: true });
    const fromCache = await built({ contentDir: t.contentDir, outDir });
    expect(rendered(fromCache)).toEqual([]);
    expect(holding(outDir, tampered)).toEqual([]);
    expect(files(outDir)).toEqual(clean);
    // No published file is the same file as one the cache keeps.
    expect(linked(outDir)).toEqual([]);
  });

  it.each([
    ['every partnership', {}, 'hampshire/index.html'],
    ['one partnership alone', { partnership: 'hampshire' }, 'index.html'],
  ])('renders again a site whose kept output was changed, and says so (%s)', async (_, options, home) => {
    const t = writeTree(validTree('hampshire'));
    trees.push(t);
    const outDir = path.join(t.root, 'dist');
    await built({ contentDir: t.contentDir, outDir, ...options });
    const clean = files(outDir);

    // Every copy the cache keeps of the site's home page (the files with its bytes), and the
    // published one, edited in place.
    const cacheDir = `${outDir}.cache`;
    const keptFiles = files(cacheDir);
    const kept = Object.keys(keptFiles).filter((file) => keptFiles[file] === clean[home]);
    expect(kept.length).toBeGreaterThan(0);
    for (const file of kept) appendFileSync(path.join(cacheDir, file), tampered);
    appendFileSync(path.join(outDir, home), tampered);

    const lines: string[] = [];
    const again = await built({ contentDir: t.contentDir, outDir, ...options, log: (line) => lines.push(line) });
    expect(rendered(again)).toEqual(['hampshire']);
    expect(holding(outDir, tampered)).toEqual([]);
    expect(files(outDir)).toEqual(clean);
    const said = lines.filter((line) => /changed since it was kept/.test(line));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('hampshire');
    expect(said[0]).toMatch(/render(ing|ed)? .*again/);

    // What the cache keeps now is the fresh output: the next build reuses it, untampered.
    const third = await built({ contentDir: t.contentDir, outDir, ...options });
    expect(rendered(third)).toEqual([]);
    expect(files(outDir)).toEqual(clean);
  });
});
