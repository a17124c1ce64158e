/**
 * `npm run import` with a measures.csv: the published file, with rows added for new values, goes
 * back into the measure files. Importing the file as published changes nothing; any bad row means
 * nothing is written; each problem names its row and says what to do.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importMeasures } from '../../src/authoring/import-measures.ts';
import { checkContent } from '../../src/model/check.ts';
import { measuresCsv } from '../../src/open-data/measures-csv.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { changedFiles, runScript, snapshotFiles } from './files.ts';

let root: string;
let contentDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-measures-'));
  contentDir = path.join(root, 'content');
  cpSync(path.resolve('tests/fixtures/measures-plan/content'), contentDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** measures.csv as the site publishes it, for the content as it is now. */
function published(): string {
  const site = checkContent(contentDir).index.site('riverside')!;
  return `\uFEFF${measuresCsv(site.measures, (m) => `https://plan.example.org.uk/riverside/measures/${m.slug}/`)}`;
}

function write(text: string): string {
  const file = path.join(root, 'measures.csv');
  writeFileSync(file, text);
  return file;
}

const row = (measure: string, date: string, value: string, note = '') =>
  `${measure},,,${date},${value},${note},https://plan.example.org.uk/riverside/measures/${measure}/\r\n`;

describe('importing measures.csv', () => {
  it('changes nothing when the file is imported as published', () => {
    const before = snapshotFiles(contentDir);
    const result = importMeasures({ csvPath: write(published()), contentDir });
    expect(result.report).toContain('No changes');
    expect(result.exitCode).toBe(0);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
  });

  it('adds new values, which the check accepts and the next measures.csv publishes as imported (round trip)', () => {
    const csv = published() + row('cp-second-time', '2023-03-31', '231', 'provisional') + row('neglect-confidence', '30/09/2022', '72.5');
    const result = importMeasures({ csvPath: write(csv), contentDir });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.report).toContain('cp-second-time.md');
    expect(result.report).toContain('values: + 2023-03-31: 231 (provisional)');
    expect(checkContent(contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    // The file keeps every byte it had, with the new value after the old ones.
    const text = readFileSync(path.join(contentDir, 'riverside/measures/cp-second-time.md'), 'utf8');
    expect(text).toContain(
      '  - { date: 2022-03-31, value: 254, note: provisional }\n  - date: 2023-03-31\n    value: 231\n    note: provisional\n---',
    );
    // Exported again, the file has exactly the rows imported.
    const again = published();
    const lines = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(',').slice(0, 1).concat(l.split(',').slice(3, 6)).join(','));
    expect(lines(again)).toEqual(
      expect.arrayContaining(['cp-second-time,2023-03-31,231,provisional', 'neglect-confidence,2022-09-30,72.5,']),
    );
    expect(importMeasures({ csvPath: write(again), contentDir }).report).toContain('No changes');
  });

  it('writes nothing when any row is wrong, and names each row and its problem', () => {
    const before = snapshotFiles(contentDir);
    const csv =
      published() +
      row('cp-second-time', '2023-03-31', '231') +
      row('cp-second-tme', '2023-03-31', '231') +
      row('neglect-confidence', '2022-09-30', '120') +
      row('missing-episodes', '2023-02-30', '33') +
      row('missing-episodes', '2023-03-31', 'about 30') +
      row('cp-second-time', '2022-03-31', '260');
    const result = importMeasures({ csvPath: write(csv), contentDir });
    expect(result.exitCode).toBe(1);
    expect(result.written).toBe(false);
    expect(changedFiles(before, snapshotFiles(contentDir))).toEqual([]);
    const report = result.problems.map(formatProblem).join('\n');
    expect(report).toContain('unknown measure "cp-second-tme"; did you mean "cp-second-time"?');
    expect(report).toContain('a percentage from 0 to 100');
    expect(report).toContain('"2023-02-30" is not a date');
    expect(report).toContain('"about 30" is not a number');
    expect(report).toContain('already has 254 for 2022-03-31; the row says 260');
    expect(result.report).toContain('Nothing was written');
  });

  it('is what `npm run import` does with a file whose header is that of measures.csv', () => {
    const file = write(published() + row('return-interview-days', '2023-03-31', '3.5'));
    const run = runScript('import', [file, '--dry-run', '--content', contentDir], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('values: + 2023-03-31: 3.5');
    expect(run.stdout).toContain('Dry run');
    expect(run.status).toBe(0);
  });
});

describe('npm run new -- measure', () => {
  it('writes a measure file for the plan that the check accepts, and says how to cite it', () => {
    const run = runScript(
      'new',
      ['measure', 'Children seen within 24 hours', '--partnership', 'riverside', '--source', "Children's social care case records"],
      root,
    );
    expect(run.stdout).toContain('Wrote content/riverside/measures/children-seen-within-24-hours.md');
    expect(run.stdout).toContain('- measure: children-seen-within-24-hours');
    expect(run.status).toBe(0);
    const text = readFileSync(path.join(contentDir, 'riverside/measures/children-seen-within-24-hours.md'), 'utf8');
    expect(text).toContain('plan: business-plan');
    expect(text).toContain("source: Children's social care case records");
    expect(checkContent(contentDir).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });
});
