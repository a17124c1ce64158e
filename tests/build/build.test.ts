/**
 * The build as a whole, on small content trees of its own: invalid content stops it with the
 * validator's errors and leaves the previous site untouched; hostile Markdown cannot reach the
 * page; one partnership can be built alone for its own domain.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { htmlFiles, links, page } from '../helpers/site.ts';

const node = process.execPath;
const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

function tree(extra: Record<string, string> = {}) {
  const written = writeTree({ ...validTree('hampshire'), ...validTree('hounslow'), ...extra });
  trees.push(written);
  return written;
}

/** A fingerprint of every file and its bytes under a folder. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('npm run build', () => {
  it('stops on invalid content with the same errors as npm run check, leaving the previous site exactly as it was', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    const first = await build({ contentDir: t.contentDir, outDir });
    expect(first.ok).toBe(true);
    const before = fingerprint(outDir);

    const action = path.join(t.contentDir, 'hampshire/actions/deliver-training.md');
    writeFileSync(action, readFileSync(action, 'utf8').replace('- training-sub-group', '- training-subgroup'));

    const run = spawnSync(node, [path.resolve('scripts/build.ts'), '--content', t.contentDir, '--out', outDir], {
      encoding: 'utf8',
      cwd: t.root,
    });
    const check = spawnSync(node, [path.resolve('scripts/check.ts'), '--content', t.contentDir], { encoding: 'utf8', cwd: t.root });
    expect(run.status).toBe(1);
    expect(check.status).toBe(1);
    expect(run.stderr).toContain('unknown group "training-subgroup"; did you mean "training-sub-group"?');
    expect(run.stderr).toContain('content/hampshire/actions/deliver-training.md:6');
    // The same errors, word for word, as the check prints (the check adds its warnings).
    const errors = (text: string) =>
      text
        .split('\n\n')[0]
        .split(/\n(?=(?:error|warning) )/)
        .filter((problem) => problem.startsWith('error '));
    expect(errors(run.stderr)).toEqual(errors(check.stderr));
    expect(errors(run.stderr).length).toBeGreaterThan(0);
    expect(run.stderr).toContain('the previous site is unchanged');
    expect(fingerprint(outDir)).toBe(before);
    // No half-built staging folder is left behind.
    expect(readdirSync(t.root).filter((n) => n.startsWith('dist.') && n !== 'dist.cache')).toEqual([]);
  });

  it('refuses a --parallel or --unit-pages that is not a whole number, before building anything', () => {
    const t = tree();
    const outDir = path.join(t.root, 'dist');
    for (const [option, value] of [
      ['--parallel', 'two'],
      ['--unit-pages', '0'],
    ]) {
      const run = spawnSync(node, [path.resolve('scripts/build.ts'), '--content', t.contentDir, '--out', outDir, option, value], {
        encoding: 'utf8',
        cwd: t.root,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${option} expects a whole number of 1 or more, like ${option} 2, found "${value}"`);
      expect(existsSync(outDir)).toBe(false);
    }
  });

  it('neutralises hostile Markdown: no script, event handlers or javascript: URLs reach the page', async () => {
    const hostile = md`
      ---
      title: Hostile
      order: 2
      objective: understand-neglect
      outcomes:
        - "<img src=x onerror=alert(1)> <a href='javascript:alert(2)'>click</a>"
      progress:
        - date: 2021-01-01
          text: '<script>alert(3)</script><a href="javascript:alert(4)">x</a>'
      ---
      <script>alert('body')</script>

      <div onclick="alert(5)">text</div>

      <a href="jAvAsCrIpT:alert(7)">y</a> [tel](tel:+441234567890)

      <iframe src="https://evil.example"></iframe><style>body{display:none}</style>

      | safe | table |
      |------|-------|
      | ~~gone~~ | [x] |

      - [x] done task

      Footnote[^1] and https://example.org autolink.

      [^1]: A note.
    `;
    const t = tree({ 'hampshire/actions/hostile.md': hostile });
    const outDir = path.join(t.root, 'dist');
    const result = await build({ contentDir: t.contentDir, outDir });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const html = page('/hampshire/actions/hostile/', outDir);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).not.toMatch(/<script|<iframe|<style|\son[a-z]+=|javascript:/i);
    // GFM still renders: tables, strikethrough, task lists, footnotes and autolinks.
    expect(main).toContain('<table>');
    expect(main).toContain('<del>gone</del>');
    expect(main).toContain('type="checkbox"');
    expect(main).toContain('href="#user-content-fn-1"');
    expect(main).toContain('id="user-content-fn-1"');
    expect(main).toContain('<a href="https://example.org">');
    expect(main).toContain('<a href="tel:+441234567890">');
  });

  it('builds one partnership alone at the root of its own domain, under a base path', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'one');
    const result = await build({
      contentDir: t.contentDir,
      outDir,
      partnership: 'hounslow',
      site: 'https://plan.example.org.uk',
      base: '/plan/',
    });
    expect(result.ok).toBe(true);
    const home = page('/', outDir);
    expect(home).toContain('<h1>Hounslow Safeguarding Children Partnership</h1>');
    const hrefs = htmlFiles(outDir).flatMap((f) => links(readFileSync(path.join(outDir, f), 'utf8')));
    const internal = hrefs.filter((h) => h.startsWith('/'));
    expect(internal.length).toBeGreaterThan(20);
    expect(internal.filter((h) => !h.startsWith('/plan/'))).toEqual([]);
    expect(hrefs.filter((h) => h.includes('hampshire'))).toEqual([]);
    expect(readdirSync(outDir)).toContain('pagefind');
  });

  it('refuses an unknown partnership with a suggestion, writing nothing', async () => {
    const t = tree();
    const outDir = path.join(t.root, 'none');
    const result = await build({ contentDir: t.contentDir, outDir, partnership: 'hounslw' });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('unknown partnership "hounslw"; did you mean "hounslow"?');
    expect(readdirSync(t.root)).not.toContain('none');
  });

  it('stops on a partnership folder named "404", which it once published as a site of no pages', async () => {
    // A partnership whose folder is "404", its name and area written as text.
    const lost = Object.fromEntries(
      Object.entries(validTree('somewhere')).map(([file, text]) => [file.replace(/^somewhere\//, '404/'), text]),
    );
    const t = tree(lost);
    const outDir = path.join(t.root, 'dist');
    const result = await build({ contentDir: t.contentDir, outDir });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([
      'the folder name "404" cannot be used as a partnership id: the page a reader sees for an address that does not exist is published as 404.html beside the sites, so a site named "404" would be lost',
    ]);
    expect(existsSync(outDir)).toBe(false);
  });
});
