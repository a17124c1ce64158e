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
      'Its GitHub repository': 'rutland-scp/plan',
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
      'Its GitHub repository, as owner/name, for editing in the browser (press Enter to skip) []',
    ]);
    expect(existsSync(path.join(folder, 'content/rutland/years/2027-28.md'))).toBe(true);
    expect(read('content/rutland/partnership.md')).toContain('repository: rutland-scp/plan');
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

  it('with --github, sets up the editor on GitHub in partnership.md, and the starter still passes the check', async () => {
    const name = 'Rutland Safeguarding Children Partnership';
    const result = await init({ folder: fresh(), name, period: '2025-2028', github: 'rutland-scp/business-plan' });
    expect(result.exitCode, result.report).toBe(0);
    expect(read('content/rutland/partnership.md')).toMatch(/\neditor:\n {2}repository: rutland-scp\/business-plan\n/);
    const checked = checkContent(path.join(folder, 'content'));
    expect(checked.problems).toEqual([]);
    const partnership = checked.entries.find((entry) => entry.type === 'partnership');
    expect(partnership?.data).toMatchObject({ editor: { repository: 'rutland-scp/business-plan', branch: 'main' } });
    // No commented-out examples in the files the editor saves first: it cannot keep comments, and would remove them all.
    for (const file of ['content/rutland/partnership.md', 'content/rutland/plans/business-plan-2025-28.md']) {
      expect(read(file).split('\n---\n')[0], file).not.toMatch(/^#/m);
    }
  });

  it('refuses a GitHub repository not written as owner/name, before writing anything', async () => {
    const name = 'Rutland Safeguarding Children Partnership';
    const result = await init({ folder: fresh(), name, period: '2025-2028', github: 'https://github.com/rutland-scp' });
    expect(result.exitCode).toBe(2);
    expect(result.report).toContain('is not a GitHub repository: write its owner and name, like hampshire-scp/business-plan');
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

describe('init and where the tool is installed from', () => {
  const options = { name: 'Rutland Safeguarding Children Partnership', period: '2025-2028', nodeVersion: '24.11.0' };
  const dependency = () => (JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies['plan-publisher'];
  let elsewhere = '';
  afterEach(() => rmSync(elsewhere, { recursive: true, force: true }));
  /** A tarball where `npm pack` leaves it: outside the partnership's folder. */
  const packedTarball = () => {
    elsewhere = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-packed-'));
    const tarball = path.join(elsewhere, 'plan-publisher-0.2.0.tgz');
    writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]));
    return tarball;
  };

  it('from the registry unless told otherwise', async () => {
    const result = await init({ folder: fresh(), ...options });
    expect(result.exitCode, result.report).toBe(0);
    expect(dependency()).toBe(`^${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}`);
    expect(existsSync(path.join(folder, 'vendor'))).toBe(false);
  });

  it('from a tarball: copied into vendor/ and named by a path inside the folder, never one on this computer', async () => {
    for (const asGiven of [(tarball: string) => tarball, (tarball: string) => `file:${tarball}`]) {
      const spec = asGiven(packedTarball());
      const result = await init({ folder: fresh(), ...options, tool: spec });
      expect(result.exitCode, result.report).toBe(0);
      expect(dependency()).toBe('file:vendor/plan-publisher-0.2.0.tgz');
      expect(readFileSync(path.join(folder, 'vendor/plan-publisher-0.2.0.tgz'))).toEqual(readFileSync(spec.replace(/^file:/, '')));
      expect(read('package.json')).not.toContain(os.tmpdir());
      expect(result.report).toContain('vendor/plan-publisher-0.2.0.tgz: commit that file');
      rmSync(folder, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('from a tarball already in the folder: named where it is', async () => {
    const tarball = packedTarball();
    writeFileSync(path.join(fresh(), 'plan-publisher-0.2.0.tgz'), readFileSync(tarball));
    const result = await init({ folder, ...options, tool: path.join(folder, 'plan-publisher-0.2.0.tgz') });
    expect(result.exitCode, result.report).toBe(0);
    expect(dependency()).toBe('file:plan-publisher-0.2.0.tgz');
    expect(existsSync(path.join(folder, 'vendor'))).toBe(false);
  });

  it('from a git URL or the GitHub shorthand: recorded exactly as given', async () => {
    for (const spec of ['github:example-org/plan-publisher#v0.2.0', 'git+https://github.com/example-org/plan-publisher.git#v0.2.0']) {
      const result = await init({ folder: fresh(), ...options, tool: spec });
      expect(result.exitCode, result.report).toBe(0);
      expect(dependency()).toBe(spec);
      expect(existsSync(path.join(folder, 'vendor'))).toBe(false);
      // npm builds the tool from git with its prepare script, which it runs only where allowed.
      expect((JSON.parse(read('package.json')) as { allowScripts: Record<string, boolean> }).allowScripts).toEqual({
        esbuild: true,
        'plan-publisher': true,
      });
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a tarball that does not exist, or a folder, saying what to give, and writes nothing', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-folder-for-init', 'plan-publisher-0.2.0.tgz');
    const result = await init({ folder: fresh(), ...options, tool: missing });
    expect(result.exitCode).toBe(2);
    expect(result.report.split('\n')).toEqual([
      `error: --tool ${missing}: there is no file at ${missing}`,
      "    hint: give the path of the tool's tarball, like --tool ./plan-publisher-0.2.0.tgz (the file npm pack writes); or leave --tool out to install it from the npm registry",
      'Nothing was written.',
    ]);
    expect(readdirSync(folder)).toEqual([]);

    const checkoutFolder = path.resolve('.');
    const folderResult = await init({ folder, ...options, tool: `file:${checkoutFolder}` });
    expect(folderResult.exitCode).toBe(2);
    expect(folderResult.report).toContain(`${checkoutFolder} is a folder, and a folder on this computer cannot be installed on another`);
    expect(folderResult.report).toContain('run npm pack');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses to copy a tarball through a vendor folder that is a link to another place', async () => {
    const tarball = packedTarball();
    symlinkSync(elsewhere, path.join(fresh(), 'vendor'));
    const result = await init({ folder, ...options, tool: tarball });
    expect(result.exitCode).toBe(1);
    expect(result.report.split('\n')[0]).toBe(
      `error: vendor is a link to ${elsewhere}: init writes only inside ${folder}, never through a link`,
    );
    expect(readdirSync(elsewhere)).toEqual(['plan-publisher-0.2.0.tgz']);
  });
});

describe('init --joint: partnerships that share a plan', () => {
  const luton = 'Luton Safeguarding Children Partnership';
  const bedford = 'Bedford Borough Safeguarding Children Partnership';
  const boards = ['Luton Safeguarding Adults Board', 'Bedford Borough Safeguarding Adults Board'];
  const frontmatter = (relative: string) => read(relative).split('---\n')[1];

  it("writes each partnership, the joint arrangement with the plan they own together, and each adults' board; the check passes", async () => {
    const result = await init({ folder: fresh(), joint: true, names: [luton, bedford], adultsBoards: boards, period: '2024-27' });
    expect(result.exitCode, result.report).toBe(0);
    expect(readdirSync(path.join(folder, 'content')).sort()).toEqual([
      'README.md',
      'bedford-borough',
      'bedford-borough-sab',
      'luton',
      'luton-and-bedford-borough',
      'luton-sab',
    ]);
    expect(frontmatter('content/luton/partnership.md')).toMatch(
      /^name: Luton Safeguarding Children Partnership\nshortName: LSCP\narea: Luton\n/m,
    );
    expect(frontmatter('content/luton/partnership.md')).not.toMatch(/^kind:/m);
    expect(frontmatter('content/luton-sab/partnership.md')).toMatch(
      /^name: Luton Safeguarding Adults Board\nshortName: LSAB\narea: Luton\nkind: safeguarding-adults-board\n/m,
    );
    expect(frontmatter('content/luton-and-bedford-borough/partnership.md')).toMatch(
      /^name: Luton and Bedford Borough Safeguarding Arrangement\nshortName: LABBSA\narea: Luton and Bedford Borough\nkind: joint-arrangement\n/m,
    );
    const plan = frontmatter('content/luton-and-bedford-borough/plans/joint-business-plan-2024-27.md');
    expect(plan).toMatch(/^title: Joint Business Plan 2024-27\nperiod: 2024-2027\n/);
    expect(plan).toMatch(/^owners:\n {2}- luton\n {2}- bedford-borough\n/m);

    const checked = checkContent(path.join(folder, 'content'));
    expect(checked.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    // Both partnerships get a site from the plan they share; the boards and the arrangement have none.
    expect(checked.index.sites.map((s) => s.id).sort()).toEqual(['bedford-borough', 'luton']);
    const pkg = JSON.parse(read('package.json')) as { name: string; scripts: Record<string, string> };
    expect(pkg.name).toBe('luton-and-bedford-borough-plan');
    expect(pkg.scripts.build).toBe('plan-publisher build');
    expect(result.report).toContain('npm run new -- priority "Title" --partnership luton-and-bedford-borough');
    expect(result.report).toContain('joint: [luton-sab, bedford-borough-sab]');
    expect(read('README.md')).toContain('`content/luton/`, `content/bedford-borough/`, `content/luton-and-bedford-borough/`');
  });

  it('takes the arrangement its own name, and needs no adults board', async () => {
    const result = await init({
      folder: fresh(),
      joint: true,
      names: [luton, bedford, 'Central Bedfordshire Safeguarding Children Partnership'],
      arrangement: 'Pan-Bedfordshire Safeguarding Arrangement',
      period: '2024-2027',
      planTitle: 'Pan-Bedfordshire Priorities 2024-27',
    });
    expect(result.exitCode, result.report).toBe(0);
    expect(readdirSync(path.join(folder, 'content')).sort()).toEqual([
      'README.md',
      'bedford-borough',
      'central-bedfordshire',
      'luton',
      'pan-bedfordshire',
    ]);
    expect(frontmatter('content/pan-bedfordshire/plans/pan-bedfordshire-priorities-2024-27.md')).toMatch(
      /^owners:\n {2}- luton\n {2}- bedford-borough\n {2}- central-bedfordshire\n/m,
    );
    expect(checkContent(path.join(folder, 'content')).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('without a terminal, lists what is missing (two partnerships and the years) and writes nothing', async () => {
    const result = await init({ folder: fresh(), joint: true, names: [luton] });
    expect(result.exitCode).toBe(2);
    expect(result.report).toContain('Some details are missing for the joint arrangement');
    expect(result.report).toContain('--name "<each partnership\'s full name>" (two or more: one --name for each)');
    expect(result.report).toContain('--period YYYY-YYYY');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses what names one partnership only, and two partnerships that would share a folder', async () => {
    const oneOnly = await init({ folder: fresh(), joint: true, names: [luton, bedford], period: '2024-2027', shortName: 'LSCP' });
    expect(oneOnly.exitCode).toBe(2);
    expect(oneOnly.report).toContain('error: --short-name name one partnership, and --joint starts several');
    const twice = await init({ folder, joint: true, names: [luton, 'The Luton Safeguarding Children Partnership'], period: '2024-2027' });
    expect(twice.exitCode).toBe(2);
    expect(twice.report).toContain(
      `error: "${luton}" and "The Luton Safeguarding Children Partnership" would share the folder content/luton/: give them different names`,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('in a terminal, asks for each partnership and board until told there are no more', async () => {
    const questions: string[] = [];
    const answers = [luton, bedford, '', boards[0], '', '2024-2027'];
    const prompter: Prompter = {
      choose: () => Promise.resolve(undefined),
      chooseMany: () => Promise.resolve([]),
      text: (question, options) => {
        questions.push(`${question} [${options?.suggested ?? ''}]${options?.optional ? ' optional' : ''}`);
        const suggested = options?.suggested;
        if (suggested !== undefined) return Promise.resolve(suggested);
        return Promise.resolve(answers.shift() ?? '');
      },
      close: () => {},
    };
    const result = await init({ folder: fresh(), joint: true }, prompter);
    expect(result.exitCode, result.report).toBe(0);
    expect(questions).toEqual([
      'The first partnership\'s full name, like "Luton Safeguarding Children Partnership" []',
      "The next partnership's full name []",
      'Another partnership (press Enter if there are no more) [] optional',
      'The name of their joint arrangement [Luton and Bedford Borough Safeguarding Arrangement]',
      'An adults\' board they share work with, like "Luton Safeguarding Adults Board" (press Enter for none) [] optional',
      "Another adults' board (press Enter if there are no more) [] optional",
      'Their brand colour, dark enough for white text (each can change its own) [#1d4f91]',
      'The years their shared plan covers, like 2024-2027 []',
      "The shared plan's title [Joint Business Plan 2024-27]",
    ]);
    expect(readdirSync(path.join(folder, 'content')).sort()).toEqual([
      'README.md',
      'bedford-borough',
      'luton',
      'luton-and-bedford-borough',
      'luton-sab',
    ]);
  });
});
