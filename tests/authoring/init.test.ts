/**
 * `plan-publisher init` (src/authoring/init.ts) without the install: what it writes from flags
 * or answers, that the starter passes the check, and that it never overwrites what a folder has.
 * tests/package/ runs it for real from the packed tool.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/authoring/cli.ts';
import { init } from '../../src/authoring/init.ts';
import { checkContent } from '../../src/model/check.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));
const fresh = () => (folder = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-init-')));
const read = (relative: string) => readFileSync(path.join(folder, relative), 'utf8');

describe('init', () => {
  it('writes a starter partnership that passes the check with no warnings', async () => {
    const result = await init({ folder: fresh(), name: 'Isle of Wight Safeguarding Children Partnership', period: '2024-27' });
    expect(result.exitCode, result.report).toBe(0);
    expect(result.needsInstall).toBe(true);
    const checked = checkContent(path.join(folder, 'content'));
    expect(checked.problems).toEqual([]);
    expect(read('content/isle-of-wight/partnership.md')).toContain('shortName: IOWSCP');
    expect(read('content/isle-of-wight/plans/business-plan-2024-27.md')).toContain('period: 2024-2027');
    expect(read('content/README.md')).toBe(readFileSync('content/README.md', 'utf8'));
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies['plan-publisher']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.test).toBe('plan-publisher check');
  });

  it('without a terminal, lists what is missing and writes nothing', async () => {
    const result = await init({ folder: fresh() });
    expect(result.exitCode).toBe(2);
    expect(result.report).toContain('--name');
    expect(result.report).toContain('--period');
    expect(result.report).toContain('Nothing was written.');
    expect(existsSync(path.join(folder, 'package.json'))).toBe(false);
  });

  it('in a terminal, asks, suggesting what it can work out', async () => {
    const questions: string[] = [];
    const answers: Record<string, string> = {
      "The partnership's full name": 'Rutland Safeguarding Children Partnership',
      'The years': '2025-2028',
    };
    const prompter: Prompter = {
      choose: () => Promise.resolve(undefined),
      chooseMany: () => Promise.resolve([]),
      text: (question, options) => {
        questions.push(`${question} [${options?.suggested ?? ''}]`);
        const key = Object.keys(answers).find((k) => question.startsWith(k));
        return Promise.resolve(key ? answers[key] : (options?.suggested ?? ''));
      },
      close: () => {},
    };
    const result = await init({ folder: fresh() }, prompter);
    expect(result.exitCode, result.report).toBe(0);
    expect(questions).toEqual([
      'The partnership\'s full name, like "Isle of Wight Safeguarding Children Partnership" []',
      'Its short name [RSCP]',
      'The area it covers [Rutland]',
      'Its brand colour, dark enough for white text [#1d4f91]',
      'The years its current plan covers, like 2024-2027 []',
      "The plan's title [Business Plan 2025-28]",
    ]);
    expect(existsSync(path.join(folder, 'content/rutland/years/2027-28.md'))).toBe(true);
  });

  it('refuses a folder whose content/ already holds a plan', async () => {
    mkdirSync(path.join(fresh(), 'content/somewhere'), { recursive: true });
    const result = await init({ folder, name: 'Rutland Safeguarding Children Partnership', period: '2025-2028' });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain('already has files in it');
    expect(existsSync(path.join(folder, 'package.json'))).toBe(false);
  });

  it('refuses a colour it cannot use, before writing anything', async () => {
    const result = await init({ folder: fresh(), name: 'Rutland Safeguarding Children Partnership', period: '2025-2028', colour: 'blue' });
    expect(result.exitCode).toBe(2);
    expect(result.report).toContain('"blue" is not a colour: write it like #1d4f91');
    expect(existsSync(path.join(folder, 'content'))).toBe(false);
  });

  it("keeps a folder's own README, and adds to its package.json without undoing what is there", async () => {
    writeFileSync(path.join(fresh(), 'README.md'), 'Our notes.\n');
    writeFileSync(
      path.join(folder, 'package.json'),
      JSON.stringify({ name: 'ours', scripts: { test: 'echo ours' }, dependencies: { 'plan-publisher': '^0.2.0' } }),
    );
    const result = await init({ folder, name: 'Rutland Safeguarding Children Partnership', period: '2025-2028' });
    expect(result.exitCode, result.report).toBe(0);
    expect(result.needsInstall).toBe(false);
    expect(result.report).toContain('Kept as they were (not overwritten): README.md');
    expect(result.report).toContain('already had scripts named test');
    expect(read('README.md')).toBe('Our notes.\n');
    const pkg = JSON.parse(read('package.json')) as { name: string; scripts: Record<string, string> };
    expect(pkg.name).toBe('ours');
    expect(pkg.scripts).toMatchObject({
      test: 'echo ours',
      check: 'plan-publisher check',
      build: 'plan-publisher build --partnership rutland',
    });
  });
});
