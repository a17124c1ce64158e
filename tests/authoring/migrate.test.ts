/**
 * Content formats and `npm run migrate` (src/model/content-format.ts, src/authoring/migrate.ts): the tool
 * reads content written for an older format, says exactly what to change where a file mixes
 * formats, and migrate rewrites older content after showing the change, all files or none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planMigration } from '../../src/authoring/migrate.ts';
import { checkContent } from '../../src/model/check.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** A partnership written before content formats: no format line, its colour at the top level. */
const formatOne = md`
  ---
  name: Hampshire Safeguarding Children Partnership
  shortName: HSCP
  area: Hampshire
  # Our colour, from the brand guide.
  colour: "#1d4f91" # dark blue
  website: https://www.example.org.uk
  ---
  The partnership's introduction.
`;

function written(extra: Tree = {}): ContentTree {
  tree = writeTree({ ...validTree('hampshire'), 'hampshire/partnership.md': formatOne, ...extra });
  return tree;
}

const problemsOf = (t: ContentTree) => checkContent(t.contentDir).problems.filter((p) => p.severity !== 'warning');

describe('content formats', () => {
  it('reads content written in format 1 as it always did, colour and all', () => {
    const t = written();
    expect(problemsOf(t)).toEqual([]);
    const data = checkContent(t.contentDir).index.partnership('hampshire')!.entry.data;
    expect(data.colour).toBe('#1d4f91');
  });

  it('says what to change when a format 1 file uses branding:', () => {
    const t = written({ 'hampshire/partnership.md': formatOne.replace('website:', 'branding:\n  footerLinks: []\nwebsite:') });
    const [problem] = problemsOf(t);
    expect(problem).toMatchObject({ line: 7, field: 'branding' });
    expect(problem.message).toBe(
      'branding: is part of content format 2, and this file is written in format 1 (it has no "format: 2" line)',
    );
    expect(problem.hint).toContain('npm run migrate');
  });

  it('says what to change when a format 2 file has its colour at the top level', () => {
    const t = written({ 'hampshire/partnership.md': formatOne.replace('---\nname:', '---\nformat: 2\nname:') });
    const [problem] = problemsOf(t);
    expect(problem).toMatchObject({ line: 7, field: 'colour' });
    expect(problem.message).toContain('in content format 2 the colour is written under branding:');
  });

  it('refuses content written for a newer tool, and says to upgrade', () => {
    const t = written({ 'hampshire/partnership.md': formatOne.replace('---\nname:', '---\nformat: 3\nname:') });
    const [problem] = problemsOf(t);
    expect(problem.message).toBe(
      'this content is written in content format 3, which is newer than this version of Plan Publisher reads (format 2 and older)',
    );
    expect(problem.hint).toBe('upgrade the tool: npm install plan-publisher@latest');
  });
});

describe('npm run migrate', () => {
  it('shows a unified diff first, and without a terminal or --yes changes nothing', () => {
    const t = written();
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', [], t.root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      [
        '--- a/content/hampshire/partnership.md',
        '+++ b/content/hampshire/partnership.md',
        '@@ -1,8 +1,10 @@',
        ' ---',
        '+format: 2',
        ' name: Hampshire Safeguarding Children Partnership',
      ].join('\n'),
    );
    expect(run.stdout).toContain(['-colour: "#1d4f91" # dark blue', '+branding:', '+  colour: "#1d4f91" # dark blue'].join('\n'));
    expect(run.stderr).toContain('Nothing was changed. To make these changes, run: npm run migrate -- --yes');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('with --yes rewrites the file in place, keeping comments, and the result passes the check with the same colour', () => {
    const t = written();
    const run = runScript('migrate', ['--yes'], t.root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Changed 1 file. Now run: npm run check');
    const text = readFileSync(path.join(t.contentDir, 'hampshire/partnership.md'), 'utf8');
    expect(text).toBe(
      formatOne
        .replace('---\nname:', '---\nformat: 2\nname:')
        .replace('colour: "#1d4f91" # dark blue', 'branding:\n  colour: "#1d4f91" # dark blue'),
    );
    expect(problemsOf(t)).toEqual([]);
    expect(checkContent(t.contentDir).index.partnership('hampshire')!.entry.data.branding?.colour).toBe('#1d4f91');
    // Once migrated, there is nothing more to do.
    const again = runScript('migrate', [], t.root);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('is already in content format 2');
  });

  it('moves the colour into a branding: block that is already there', () => {
    const t = written({
      'hampshire/partnership.md': formatOne.replace('---\nname:', '---\nformat: 2\nname:') + '',
    });
    const file = path.join(t.contentDir, 'hampshire/partnership.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'website:',
        'branding:\n    footerLinks:\n      - title: Us\n        url: https://example.org.uk\nwebsite:',
      ),
    );
    const plan = planMigration(t.contentDir);
    expect(plan.refusals).toEqual([]);
    expect(plan.writes[0].after).toContain('branding:\n    colour: "#1d4f91" # dark blue\n    footerLinks:');
    expect(plan.writes[0].after).not.toMatch(/^colour:/m);
  });

  it('is all or nothing: one file it cannot rewrite safely, and no file changes', () => {
    const t = written({
      'hounslow/partnership.md': formatOne
        .replace('Hampshire', 'Hounslow')
        .replace('colour: "#1d4f91" # dark blue', 'colour:\n  "#5c2d91"'),
      ...Object.fromEntries(Object.entries(validTree('hounslow')).filter(([file]) => !file.endsWith('partnership.md'))),
    });
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', ['--yes'], t.root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error content/hounslow/partnership.md\n    colour: is written over several lines');
    expect(run.stderr).toContain('Nothing was changed.');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  it('--dry-run shows the change and writes nothing', () => {
    const t = written();
    const before = snapshotFiles(t.root);
    const run = runScript('migrate', ['--dry-run'], t.root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+format: 2');
    expect(run.stdout).toContain('This was a dry run: nothing was changed.');
    expect(changedFiles(before, snapshotFiles(t.root))).toEqual([]);
  });

  describe('keeps every comment on the lines it rewrites', () => {
    /** The rewritten text of hampshire's partnership.md, written as `text` (with `eol` line endings). */
    function migrated(text: string, eol = '\n'): string {
      const t = written({ 'hampshire/partnership.md': text.replace(/\n/g, eol) });
      const plan = planMigration(t.contentDir);
      expect(plan.refusals).toEqual([]);
      expect(plan.writes).toHaveLength(1);
      writeFileSync(path.join(t.contentDir, 'hampshire/partnership.md'), plan.writes[0].after);
      expect(problemsOf(t)).toEqual([]);
      return plan.writes[0].after;
    }

    it('on a "format: 1" line, and on the colour line it moves under branding:', () => {
      const before = formatOne.replace('---\nname:', '---\nformat: 1 # written in 2021, "before" the tool: a package\nname:');
      expect(migrated(before)).toBe(
        before
          .replace('format: 1 # written', 'format: 2 # written')
          .replace('colour: "#1d4f91" # dark blue', 'branding:\n  colour: "#1d4f91" # dark blue'),
      );
    });

    it('on a "format: 2" line of a file whose colour is still at the top, which stays exactly as written', () => {
      const before = formatOne.replace('---\nname:', '---\nformat:   2    # moved to 2 by hand\nname:');
      const after = migrated(before);
      expect(after).toContain('\nformat:   2    # moved to 2 by hand\n');
      expect(after).toBe(before.replace('colour: "#1d4f91" # dark blue', 'branding:\n  colour: "#1d4f91" # dark blue'));
    });

    it('on a branding: line the colour moves under, and on its other fields', () => {
      const before = formatOne
        .replace('---\nname:', "---\nformat: 1 # '1' until now\nname:")
        .replace('website:', 'branding: # the look of the site\n  footerLinks: [] # none yet\nwebsite:');
      expect(migrated(before)).toBe(
        before
          .replace("format: 1 # '1'", "format: 2 # '1'")
          .replace('# Our colour, from the brand guide.\ncolour: "#1d4f91" # dark blue\n', '# Our colour, from the brand guide.\n')
          .replace('branding: # the look of the site\n', 'branding: # the look of the site\n  colour: "#1d4f91" # dark blue\n'),
      );
    });

    it('with Windows line endings', () => {
      const before = formatOne.replace('---\nname:', '---\nformat: 1 # one\nname:');
      expect(migrated(before, '\r\n')).toBe(
        before
          .replace('format: 1 # one', 'format: 2 # one')
          .replace('colour: "#1d4f91" # dark blue', 'branding:\n  colour: "#1d4f91" # dark blue')
          .replace(/\n/g, '\r\n'),
      );
    });
  });
});
