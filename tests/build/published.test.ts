/**
 * What is checked is exactly what is published. The build reads the content once, through the
 * check's own walker and parser: a draft is never published anywhere, a comment's words reach no
 * file of dist/ (pages, search index, plan.json, CSV, feed), and whatever odd input the check
 * accepts, the build publishes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { checkContent } from '../../src/model/check.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { page } from '../helpers/site.ts';

const trees: ContentTree[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

/** Every file under dist/ as text, Pagefind's compressed index files unpacked, so nothing hides. */
function everyText(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        let bytes = readFileSync(full);
        if (/\.pf_(fragment|index|meta|filter)$/.test(name)) bytes = gunzipSync(bytes);
        out.push([path.relative(dir, full), bytes.toString('utf8')]);
      }
    }
  };
  walk(dir);
  return out;
}

async function buildTree(tree: Tree) {
  const written = writeTree(tree);
  trees.push(written);
  const outDir = path.join(written.root, 'dist');
  const result = await build({ contentDir: written.contentDir, outDir, site: 'https://plan.example.org.uk' });
  return { written, outDir, result };
}

describe('nothing private is published', () => {
  it('never publishes a draft file, a draft folder or a draft partnership, nor a comment, in any file of dist/', async () => {
    const base = validTree();
    const action = 'hampshire/actions/deliver-training.md';
    const draft = (marker: string) => md`
      ---
      title: ${marker} draft title
      order: 5
      objective: understand-neglect
      ---
      ${marker} draft body.
    `;
    const { outDir, result } = await buildTree({
      ...base,
      [action]: base[action]
        .replace('status: in-progress\n', 'status: in-progress\noutcomes:\n  - "Children are safer <!-- CommentInField zz --> soon"\n')
        .replace(
          'Deliver multi-agency training on **neglect**.\n',
          'Deliver training.<!-- CommentInline qq -->\n\n<!--\nCommentBlock ww\n-->\n\n`<!-- kept in code -->`\n',
        ),
      'hampshire/actions/_draft-idea.md': draft('DraftFileMarker'),
      'hampshire/actions/_old/retired.md': draft('DraftFolderMarker'),
      '_archive/partnership.md': md`
        ---
        name: DraftPartnershipMarker
        shortName: OLD
        area: Nowhere
        ---
      `,
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const files = everyText(outDir);
    expect(files.some(([name]) => name.endsWith('.pf_fragment'))).toBe(true);
    for (const marker of [
      'DraftFileMarker',
      'DraftFolderMarker',
      'DraftPartnershipMarker',
      'CommentInField',
      'CommentInline',
      'CommentBlock',
    ]) {
      expect(
        files.filter(([, text]) => text.includes(marker)).map(([name]) => name),
        marker,
      ).toEqual([]);
    }
    expect(files.filter(([name]) => name.includes('draft') || name.includes('archive'))).toEqual([]);
    // The text around the comments is published, and a comment shown as code stays code.
    const html = page('/hampshire/actions/deliver-training/', outDir);
    expect(html).toContain('Children are safer');
    expect(html).toContain('soon');
    expect(html).toContain('<code>&#x3C;!-- kept in code --></code>');
    const planJson = readFileSync(path.join(outDir, 'hampshire/data/plan.json'), 'utf8');
    expect(planJson).toContain('Deliver training.');
    expect(planJson).toContain('<!-- kept in code -->');
  });
});

describe('check and build agree', () => {
  it('builds every odd input the check accepts, each on its own page with its text as written', async () => {
    const base = validTree();
    const odd = (file: string, title: string, extra = '') =>
      [file, `---\ntitle: ${title}\norder: 3\nobjective: understand-neglect\n${extra}---\nBody of ${file}.\n`] as const;
    const long = 'a'.repeat(120);
    const tree: Tree = {
      ...base,
      // A title YAML 1.1 (Astro's reader) would turn into a date, a boolean, a number or null.
      ...Object.fromEntries([
        odd('hampshire/actions/date-title.md', '2021-03-31'),
        odd('hampshire/actions/yes-title.md', 'yes'),
        odd('hampshire/actions/octal-title.md', '"0o17"'),
        odd('hampshire/actions/tilde-title.md', '"~"'),
        // Numbers as ids, and a long name.
        odd('hampshire/actions/2021.md', 'A numbered action'),
        odd(`hampshire/actions/${long}.md`, 'A long file name'),
        // Unicode, quotes and angle brackets in titles.
        odd('hampshire/actions/unicode.md', '"Voice of the child: “listen” – café <b>&amp;</b>"'),
      ]),
      // A README and a draft beside the content.
      'hampshire/actions/README.md': '# Notes\n',
      'hampshire/README.md': '# Notes\n',
      'README.md': '# The guide\n',
    };
    const checkedTree = writeTree(tree);
    trees.push(checkedTree);
    const checked = checkContent(checkedTree.contentDir);
    expect(checked.problems.filter((p) => p.severity !== 'warning')).toEqual([]);

    const { outDir, result } = await buildTree(tree);
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const titles: Record<string, string> = {
      'date-title': '2021-03-31',
      'yes-title': 'yes',
      'octal-title': '0o17',
      'tilde-title': '~',
      '2021': 'A numbered action',
      [long]: 'A long file name',
      unicode: 'Voice of the child: “listen” – café &lt;b&gt;&amp;amp;&lt;/b&gt;',
    };
    for (const [id, title] of Object.entries(titles)) {
      const html = page(`/hampshire/actions/${id}/`, outDir);
      expect(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1], id).toContain(title);
    }
  });
});
