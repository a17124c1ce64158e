/**
 * `npm run import` stopped part-way: killed (SIGKILL, so nothing can tidy up) at each moment of
 * writing, or stopped by a full disk. Whatever happens, every content file is either all old or
 * all new, the check refuses content an import left half-done, and the next import (or
 * `npm run import -- --recover`) leaves the content exactly as before that import, or as after a
 * whole one, with no temporary file anywhere.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importActions } from '../../src/authoring/import.ts';
import { importMeasures } from '../../src/authoring/import-measures.ts';
import { nodeWriter, type FileWriter } from '../../src/authoring/write-files.ts';
import { checkContent } from '../../src/model/check.ts';
import { measuresCsv } from '../../src/open-data/measures-csv.ts';
import { userEnvironment } from '../helpers/env.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { edited, publishedCsv } from './csv-files.ts';
import { changedFiles, snapshotFiles } from './files.ts';

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/import.ts', import.meta.url));
const stopper = fileURLToPath(new URL('./stop-import.ts', import.meta.url));
const journalName = '.plan-publisher-import.journal';

let trees: ContentTree[] = [];
afterEach(() => {
  trees.forEach((t) => t.remove());
  trees = [];
});

const action = (title: string, order: number) => md`
  ---
  title: ${title}
  order: ${order}
  objective: understand-neglect
  status: not-started
  ---
`;

/** Content with three actions, and a spreadsheet that changes all three. */
function threeChanges() {
  const tree = writeTree({
    ...validTree(),
    'hampshire/actions/audit-cases.md': action('Audit neglect cases', 2),
    'hampshire/actions/review-toolkit.md': action('Review the neglect toolkit', 3),
  });
  trees.push(tree);
  const csvPath = path.join(tree.root, 'actions.csv');
  writeFileSync(
    csvPath,
    edited(publishedCsv(tree.contentDir), {
      'deliver-training': { status: 'complete' },
      'audit-cases': { rag: 'green', last_update_date: '2021-06-30', last_update_text: 'Audit started.' },
      'review-toolkit': { status: 'delayed' },
    }),
  );
  return { ...tree, csvPath };
}

/** The content after the same import run whole, in a copy: what "all new" is. */
function wholeImport(tree: ReturnType<typeof threeChanges>): Map<string, string> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-whole-'));
  try {
    cpSync(tree.contentDir, copy, { recursive: true });
    expect(importActions({ csvPath: tree.csvPath, contentDir: copy, today: '2021-07-15' }).exitCode).toBe(0);
    return snapshotFiles(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Runs `npm run import` in a child process that is killed at `stopAt` (tests/authoring/stop-import.ts). */
function killedImport(tree: ReturnType<typeof threeChanges>, stopAt: string) {
  return spawnSync(node, ['--import', stopper, script, tree.csvPath, '--content', tree.contentDir, '--date', '2021-07-15'], {
    cwd: tree.root,
    encoding: 'utf8',
    env: userEnvironment({ STOP_IMPORT_AT: stopAt, NO_COLOR: '1' }),
    timeout: 60_000,
  });
}

/** `npm run import -- --recover`, as an author runs it. */
function recover(tree: ContentTree) {
  const run = spawnSync(node, [script, '--recover', '--content', tree.contentDir], {
    cwd: tree.root,
    encoding: 'utf8',
    env: userEnvironment({ NO_COLOR: '1' }),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Files whose names start with a dot, anywhere in the content: the journal and temporary files. */
const hidden = (snapshot: Map<string, string>) =>
  [...snapshot.keys()].filter((name) => name.split('/').some((part) => part.startsWith('.')));

const checkMessages = (contentDir: string) => checkContent(contentDir).problems.map((p) => p.message);
const interrupted = 'an import (or migrate) is running, or stopped part-way, so some files may hold part of its changes';

describe('npm run import killed part-way', () => {
  // Where it is killed, how many content files then hold the new version, and whether the journal is in place.
  const moments: Array<[string, number, boolean]> = [
    ['journal', 0, false],
    ['temporary:2', 0, true],
    ['rename:1', 0, true],
    ['rename:3', 2, true],
    ['done', 3, true],
  ];

  it.each(moments)(
    'killed at %s: every file all old or all new, and the next import puts the content right',
    (stopAt, newFiles, journal) => {
      const tree = threeChanges();
      const before = snapshotFiles(tree.contentDir);
      const after = wholeImport(tree);
      const targets = changedFiles(before, after);
      expect(targets).toHaveLength(3);

      const run = killedImport(tree, stopAt);
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const killed = snapshotFiles(tree.contentDir);
      // No torn file: each target holds exactly its old or its new text.
      for (const file of targets) expect([before.get(file), after.get(file)]).toContain(killed.get(file));
      expect(targets.filter((file) => killed.get(file) === after.get(file))).toHaveLength(newFiles);
      expect(killed.has(journalName)).toBe(journal);
      // The check (and so the build) refuses content an import left in the middle.
      expect(checkMessages(tree.contentDir)).toEqual(journal ? [interrupted] : []);

      // The next import undoes what the stopped one did, then makes the whole change.
      const again = importActions({ csvPath: tree.csvPath, contentDir: tree.contentDir, today: '2021-07-15' });
      expect(again.exitCode, again.report).toBe(0);
      if (journal) expect(again.report).toMatch(/^An earlier import \(process \d+, started .*\) stopped part-way, so it has been undone\./);
      expect(changedFiles(after, snapshotFiles(tree.contentDir))).toEqual([]);
      expect(hidden(snapshotFiles(tree.contentDir))).toEqual([]);
    },
  );

  it('puts every file back as it was before the stopped import with --recover, and deletes every temporary file', () => {
    const tree = threeChanges();
    const before = snapshotFiles(tree.contentDir);
    expect(killedImport(tree, 'rename:2').signal).toBe('SIGKILL');
    expect(hidden(snapshotFiles(tree.contentDir)).sort()).toEqual([
      '.plan-publisher-import.journal',
      // The second and third new files, written in full and not yet renamed.
      expect.stringMatching(/^hampshire\/actions\/\.audit-cases\.md\.import-\d+\.tmp$/),
      expect.stringMatching(/^hampshire\/actions\/\.review-toolkit\.md\.import-\d+\.tmp$/),
    ]);
    const run = recover(tree);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^An earlier import \(process \d+, started .* UTC\) stopped part-way, so it has been undone\. The file it had changed is back as it was before it: content\/hampshire\/actions\/deliver-training\.md\.\nRun `npm run check`, then import the spreadsheet again\.\n$/,
    );
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
    expect(checkMessages(tree.contentDir)).toEqual([]);
    // With nothing left to undo, --recover says so.
    expect(recover(tree)).toEqual({
      status: 0,
      stdout: 'No import stopped part-way in content/: there is nothing to put back.\n',
      stderr: '',
    });
  });

  it('leaves a file the author has changed since, and says so', () => {
    const tree = threeChanges();
    expect(killedImport(tree, 'rename:2').signal).toBe('SIGKILL');
    const file = path.join(tree.contentDir, 'hampshire/actions/deliver-training.md');
    const edited = readFileSync(file, 'utf8').replace('Deliver multi-agency training', 'Deliver the multi-agency training');
    writeFileSync(file, edited);
    const result = recover(tree);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'content/hampshire/actions/deliver-training.md: it has changed since that import stopped, so it was left as it is.',
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(hidden(snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('will not undo the journal of an import that is still running, unless told to with --recover', () => {
    const tree = threeChanges();
    expect(killedImport(tree, 'rename:2').signal).toBe('SIGKILL');
    const journal = path.join(tree.contentDir, journalName);
    // As if the import that wrote it were still running: its process id is this test's parent.
    writeFileSync(journal, readFileSync(journal, 'utf8').replace(/"pid":\d+/, `"pid":${process.ppid}`));
    const stopped = snapshotFiles(tree.contentDir);
    const result = importActions({ csvPath: tree.csvPath, contentDir: tree.contentDir });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain(`another import (process ${process.ppid}, started `);
    expect(changedFiles(stopped, snapshotFiles(tree.contentDir))).toEqual([]);
    expect(recover(tree).status).toBe(0);
    expect(checkMessages(tree.contentDir)).toEqual([]);
  });
});

describe('two imports at once', () => {
  it('stops before touching any file when another import places its journal first, and leaves that journal alone', () => {
    const tree = threeChanges();
    const before = snapshotFiles(tree.contentDir);
    const journal = path.join(tree.contentDir, journalName);
    const theirs = '{"the other import": "its journal"}';
    const result = importActions({
      csvPath: tree.csvPath,
      contentDir: tree.contentDir,
      writer: {
        ...nodeWriter,
        writeFile(file, data) {
          nodeWriter.writeFile(file, data);
          // Another import, started a moment later, places its journal while this one writes its own.
          if (file.includes(`${journalName}.`)) writeFileSync(journal, theirs);
        },
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain('another import is writing these files right now');
    expect(readFileSync(journal, 'utf8')).toBe(theirs);
    rmSync(journal);
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });
});

describe('a journal that was tampered with', () => {
  it('never writes outside the content folder, whatever the journal says', () => {
    const tree = threeChanges();
    const outside = path.join(tree.root, 'outside.md');
    writeFileSync(outside, 'the attacker wants this replaced\n');
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const entry = (file: string) => ({
      file,
      before: Buffer.from('pwned\n').toString('base64'),
      beforeSha256: sha('pwned\n'),
      afterSha256: sha('the attacker wants this replaced\n'),
    });
    writeFileSync(
      path.join(tree.contentDir, journalName),
      JSON.stringify({
        journal: 'plan-publisher import',
        version: 1,
        pid: 999_999_999,
        started: '2026-01-01T00:00:00.000Z',
        files: [entry('../outside.md'), entry(outside), entry('hampshire/../../outside.md')],
      }),
    );
    const result = recover(tree);
    expect(result.stdout.match(/names a place outside the content folder, so nothing was written there/g)).toHaveLength(3);
    expect(readFileSync(outside, 'utf8')).toBe('the attacker wants this replaced\n');
  });

  it('refuses a journal it cannot read, and changes nothing', () => {
    const tree = threeChanges();
    writeFileSync(path.join(tree.contentDir, journalName), '{"journal": "plan-publisher import", "version": 1, "pid": 12');
    const before = snapshotFiles(tree.contentDir);
    const result = importActions({ csvPath: tree.csvPath, contentDir: tree.contentDir });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain(
      'an earlier import stopped part-way, and its journal cannot be used: it is not a journal this version of the tool wrote',
    );
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });
});

describe('npm run import on a full disk', () => {
  const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  /** A disk that fills up part-way through writing the file `full` names: half its bytes reach the disk. */
  const fillsUpAt = (full: (file: string) => boolean): FileWriter => ({
    ...nodeWriter,
    writeFile(file, data) {
      if (!full(file)) return nodeWriter.writeFile(file, data);
      const bytes = Buffer.from(data);
      writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
      throw diskFull();
    },
  });

  it.each([
    ['the second new file', (file: string) => /\.audit-cases\.md\.import-\d+\.tmp$/.test(file)],
    ['the journal', (file: string) => file.includes(journalName)],
  ])('stops before any file is touched when the disk fills up writing %s, and leaves no partial file', (_, full) => {
    const tree = threeChanges();
    const before = snapshotFiles(tree.contentDir);
    const result = importActions({ csvPath: tree.csvPath, contentDir: tree.contentDir, writer: fillsUpAt(full) });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain('could not write this file: the disk is full (ENOSPC)');
    expect(result.report).toContain('Nothing was changed.');
    expect(changedFiles(before, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('says so when every file is written but the journal cannot be deleted, as that would undo them', () => {
    const tree = threeChanges();
    const after = wholeImport(tree);
    const result = importActions({
      csvPath: tree.csvPath,
      contentDir: tree.contentDir,
      today: '2021-07-15',
      writer: {
        ...nodeWriter,
        remove(file) {
          if (file.endsWith(journalName)) throw Object.assign(new Error('EBUSY: resource busy or locked, unlink'), { code: 'EBUSY' });
          nodeWriter.remove(file);
        },
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.report.split(`${tree.root}/`).join('').split('\n').at(-1)).toBe(
      'Every file was written, but content/.plan-publisher-import.journal could not be deleted (it is in use by another program (EBUSY)). Delete it yourself: while it is there, `npm run check` refuses the content, and the next import undoes these changes.',
    );
    expect(checkMessages(tree.contentDir)).toEqual([interrupted]);
    rmSync(path.join(tree.contentDir, journalName));
    expect(changedFiles(after, snapshotFiles(tree.contentDir))).toEqual([]);
  });

  it('writes measures through the same journal', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-measures-'));
    trees.push({ root, contentDir: path.join(root, 'content'), remove: () => rmSync(root, { recursive: true, force: true }) });
    const contentDir = path.join(root, 'content');
    cpSync(path.resolve('tests/fixtures/measures-plan/content'), contentDir, { recursive: true });
    const site = checkContent(contentDir).index.site('riverside')!;
    const csvPath = path.join(root, 'measures.csv');
    const url = (id: string) => `https://plan.example.org.uk/riverside/measures/${id}/`;
    writeFileSync(
      csvPath,
      measuresCsv(site.measures, (m) => url(m.slug)) +
        `cp-second-time,,,2023-03-31,231,,${url('cp-second-time')}\r\nneglect-confidence,,,2023-03-31,72,,${url('neglect-confidence')}\r\n`,
    );
    const before = snapshotFiles(contentDir);
    const result = importMeasures({
      csvPath,
      contentDir,
      writer: fillsUpAt((file) => /neglect-confidence\.md\.import-\d+\.tmp$/.test(file)),
    });
    expect(result.report).toContain('could not write this file: the disk is full (ENOSPC)');
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
    expect(readdirSync(path.join(contentDir, 'riverside/measures')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
