/**
 * `plan-publisher init` (src/authoring/init.ts) without the install: what it writes from flags
 * or answers, that the starter passes the check, and that it never overwrites what a folder has.
 * tests/package/ runs it for real from the packed tool.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { npmNodeVersion } from '../../src/authoring/bundled-node.ts';
import type { Prompter } from '../../src/authoring/prompter.ts';
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
    const result = await init({ folder, name: 'Rutland Safeguarding Children Partnership', period: '2025-2028', nodeVersion: '24.11.0' });
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
      build: 'plan-publisher build',
    });
  });
});

describe("init and the Node that runs the partnership's commands", () => {
  const options = { name: 'Rutland Safeguarding Children Partnership', period: '2025-2028' };
  type Package = { dependencies: Record<string, string>; allowScripts: Record<string, boolean> };

  it('on Node 22.12 or later, depends on the tool alone: npm brings no second Node', async () => {
    for (const nodeVersion of ['22.12.0', '24.11.0']) {
      const result = await init({ folder: fresh(), ...options, nodeVersion });
      expect(result.exitCode, result.report).toBe(0);
      const pkg = JSON.parse(read('package.json')) as Package;
      expect(Object.keys(pkg.dependencies)).toEqual(['plan-publisher']);
      expect(pkg.allowScripts).toEqual({ esbuild: true });
      expect(result.report).not.toContain('node');
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('on an older Node, also depends on the node package (Node 24), and says why and how to drop it', async () => {
    for (const nodeVersion of ['20.19.0', '22.11.0', '18.20.8']) {
      const result = await init({ folder: fresh(), ...options, nodeVersion });
      expect(result.exitCode, result.report).toBe(0);
      expect(result.needsInstall).toBe(true);
      const pkg = JSON.parse(read('package.json')) as Package;
      expect(Object.keys(pkg.dependencies)).toEqual(['plan-publisher', 'node']);
      expect(pkg.dependencies.node).toMatch(/^\^24\.\d+\.\d+$/);
      expect(pkg.allowScripts).toEqual({ node: true, esbuild: true });
      expect(result.report).toContain(`npm runs on Node.js ${nodeVersion} on this computer, and the tool needs 22.12 or later`);
      expect(result.report).toContain('npm installs Node.js 24 into node_modules/');
      expect(result.report).toContain('remove it with: npm uninstall node');
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('on an older Node, adds the node package to a package.json that already has the tool, so it still needs an install', async () => {
    writeFileSync(path.join(fresh(), 'package.json'), JSON.stringify({ name: 'ours', dependencies: { 'plan-publisher': '^0.2.0' } }));
    const result = await init({ folder, ...options, nodeVersion: '20.19.0' });
    expect(result.exitCode, result.report).toBe(0);
    expect(result.needsInstall).toBe(true);
    const { dependencies } = JSON.parse(read('package.json')) as Package;
    expect(Object.keys(dependencies)).toEqual(['plan-publisher', 'node']);
    expect(dependencies['plan-publisher']).toBe('^0.2.0');
    expect(dependencies.node).toMatch(/^\^24\./);
  });

  // npx and npm scripts name the Node npm runs on; npx may run the tool itself on another (npx --package=node@24).
  const otherNode = ['/usr/bin/node', '/usr/local/bin/node'].find(
    (file) => existsSync(file) && realpathSync(file) !== realpathSync(process.execPath),
  );
  it.skipIf(!otherNode)('asks the Node that runs npm for its version, not the Node it runs on', () => {
    const theirs = spawnSync(otherNode!, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    expect(theirs).not.toBe(process.versions.node);
    expect(npmNodeVersion({ npm_node_execpath: otherNode })).toBe(theirs);
    expect(npmNodeVersion({})).toBe(process.versions.node);
  });

  it('keeps a node dependency the folder already has, as it was', async () => {
    writeFileSync(path.join(fresh(), 'package.json'), JSON.stringify({ name: 'ours', devDependencies: { node: '^22.12.0' } }));
    const result = await init({ folder, ...options, nodeVersion: '20.19.0' });
    expect(result.exitCode, result.report).toBe(0);
    const pkg = JSON.parse(read('package.json')) as Package & { devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toEqual({ node: '^22.12.0' });
    expect(Object.keys(pkg.dependencies)).toEqual(['plan-publisher']);
    expect(pkg.allowScripts).toEqual({ node: true, esbuild: true });
    expect(result.report).not.toContain('npm uninstall node');
  });
});

describe('init and links to other places', () => {
  let outside = '';
  afterEach(() => rmSync(outside, { recursive: true, force: true }));
  const options = { name: 'Rutland Safeguarding Children Partnership', period: '2025-2028' };

  /** A folder beside the one init runs in, standing for anywhere else on the computer. */
  function elsewhere(): string {
    outside = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-elsewhere-'));
    return outside;
  }

  it('refuses a package.json that links to a file elsewhere, leaving that file as it was', async () => {
    const theirs = path.join(elsewhere(), 'package.json');
    const text = '{ "name": "another-project", "dependencies": {} }\n';
    writeFileSync(theirs, text);
    symlinkSync(theirs, path.join(fresh(), 'package.json'));
    const result = await init({ folder, ...options });
    expect(result.exitCode).toBe(1);
    expect(result.report).toBe(
      [
        `error: package.json is a link to ${theirs}: init writes only inside ${folder}, never through a link`,
        '    hint: replace the link with a copy of what it links to, or run init in a new, empty folder',
        'Nothing was written.',
      ].join('\n'),
    );
    expect(readFileSync(theirs, 'utf8')).toBe(text);
    expect(readdirSync(folder)).toEqual(['package.json']);
  });

  it('refuses a content folder that links to a folder elsewhere, writing nothing there', async () => {
    symlinkSync(elsewhere(), path.join(fresh(), 'content'));
    const result = await init({ folder, ...options });
    expect(result.exitCode).toBe(1);
    expect(result.report.split('\n')[0]).toBe(
      `error: content is a link to ${outside}: init writes only inside ${folder}, never through a link`,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(folder)).toEqual(['content']);
  });

  it('refuses a .github folder or a .gitignore that is a link, even one that leads nowhere', async () => {
    symlinkSync(elsewhere(), path.join(fresh(), '.github'));
    symlinkSync(path.join(outside, 'missing'), path.join(folder, '.gitignore'));
    const result = await init({ folder, ...options });
    expect(result.exitCode).toBe(1);
    expect(result.report.split('\n').filter((line) => line.startsWith('error:'))).toEqual([
      `error: .gitignore is a link to ${path.join(outside, 'missing')}: init writes only inside ${folder}, never through a link`,
      `error: .github is a link to ${outside}: init writes only inside ${folder}, never through a link`,
    ]);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(['.github', '.gitignore']);
    expect(lstatSync(path.join(folder, '.gitignore')).isSymbolicLink()).toBe(true);
  });
});
