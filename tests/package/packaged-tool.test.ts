/**
 * The tool as a partnership gets it: packed with `npm pack`, then, in a fresh temporary folder
 * that can see nothing of this checkout (no PATH entry, no npm variables, its own npm cache),
 * `npx plan-publisher init` starts a partnership's repository, installs the tool from the
 * tarball, and the partnership's own commands check, add to and build its plan. With the
 * shell's Node too old for the tool (Debian's 20 here), init runs as the launcher's message
 * says, with npx bringing Node 24, and the repository gets the `node` package; a second
 * repository, made with Node 24 first on PATH, shows that a current Node gets no second one.
 * Slow (real installs): every assertion here reads what those runs left.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/report/chromium.ts';

const checkout = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-package-'));
const project = path.join(work, 'isle-of-wight-plan');
let tarball = '';
let tarballFiles: string[] = [];
let initRun: SpawnSyncReturns<string>;

/** A user's shell: no PATH entry into this checkout, none of the variables npm sets for its scripts, a fresh npm cache. */
function userShell(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PLAN_|VITEST|VITE_|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|TEST$|MODE$|BASE_URL$|DEV$|PROD$|SSR$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !path.resolve(dir).startsWith(checkout))
    .join(path.delimiter);
  env.npm_config_cache = path.join(work, 'npm-cache');
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.NO_COLOR = '1';
  return env;
}

function run(command: string, args: string[], cwd = project, env = userShell()): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Whether a Node version ("v20.19.0") can run the tool: 22.12 or later, as its package.json says. */
const newEnough = (version: string) => /^v(2[3-9]|[3-9]\d)\.|^v22\.(1[2-9]|[2-9]\d)\./.test(version);
const shellNode = spawnSync('node', ['--version'], { env: userShell(), encoding: 'utf8' }).stdout.trim();

/** The partnership's answers to init, and the tarball as the tool it depends on. */
const initArgs = () => [
  'plan-publisher',
  'init',
  '--name',
  'Isle of Wight Safeguarding Children Partnership',
  '--short-name',
  'IOWSCP',
  '--colour',
  '#00563f',
  '--period',
  '2024-2027',
  '--tool',
  tarball,
];

const said = (result: SpawnSyncReturns<string>) => `exit ${result.status}\n${result.stdout}\n${result.stderr}`;

beforeAll(() => {
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: checkout,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info.filename);
  tarballFiles = info.files.map((f) => f.path);

  mkdirSync(project);
  // On a Node too old for the tool, as the launcher's message says: npx brings Node 24 to run init.
  const bringNode = newEnough(shellNode) ? [] : ['--package=node@24'];
  initRun = run('npx', ['--yes', ...bringNode, `--package=${tarball}`, '--', ...initArgs()]);
}, 1_200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tool', () => {
  it('holds the tool, its compiled command line and the authoring guide, and nothing of the tests or the example plans', () => {
    expect(tarballFiles).toContain('bin/plan-publisher.cjs');
    expect(tarballFiles).toContain('lib/src/cli/main.js');
    expect(tarballFiles).toContain('astro.config.mjs');
    expect(tarballFiles).toContain('content/README.md');
    expect(tarballFiles.filter((file) => file.startsWith('tests/'))).toEqual([]);
    expect(tarballFiles.filter((file) => file.startsWith('content/') && file !== 'content/README.md')).toEqual([]);
  });
});

describe('npx plan-publisher init, in an empty folder', () => {
  it('starts a partnership repository and installs the tool into it', () => {
    expect(initRun.status, said(initRun)).toBe(0);
    expect(initRun.stdout).toContain("Started the Isle of Wight Safeguarding Children Partnership's plan");
    expect(initRun.stdout).toContain('npm run check');
    for (const file of [
      'package.json',
      'README.md',
      '.gitignore',
      '.github/workflows/plan.yml',
      'content/README.md',
      'content/isle-of-wight/partnership.md',
      'content/isle-of-wight/plans/business-plan-2024-27.md',
      'content/isle-of-wight/years/2024-25.md',
      'content/isle-of-wight/years/2026-27.md',
    ]) {
      expect(existsSync(path.join(project, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    // The tarball is copied into the repository and named from there: a colleague's computer, or CI, can install it.
    expect(pkg.dependencies['plan-publisher']).toBe(`file:vendor/${path.basename(tarball)}`);
    expect(readFileSync(path.join(project, 'vendor', path.basename(tarball)))).toEqual(readFileSync(tarball));
    // The Node 24 package only where the shell's Node cannot run the tool, and init says so.
    if (newEnough(shellNode)) {
      expect(Object.keys(pkg.dependencies)).toEqual(['plan-publisher']);
      expect(existsSync(path.join(project, 'node_modules/node'))).toBe(false);
    } else {
      expect(Object.keys(pkg.dependencies).sort()).toEqual(['node', 'plan-publisher']);
      expect(pkg.dependencies.node).toMatch(/^\^24\./);
      expect(existsSync(path.join(project, 'node_modules/node/bin/node'))).toBe(true);
      expect(initRun.stdout).toContain(`npm runs on Node.js ${shellNode.slice(1)} on this computer, and the tool needs 22.12 or later`);
    }
    // Playwright is for printing PDFs only: not installed until a partnership asks for it.
    expect(existsSync(path.join(project, 'node_modules/playwright-core'))).toBe(false);
    expect(pkg.scripts.check).toBe('plan-publisher check');
    expect(pkg.scripts.build).toBe('plan-publisher build');
    // Installed as a copy of the tarball, not a link back into this checkout.
    const installed = path.join(project, 'node_modules/plan-publisher');
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(project, 'package-lock.json'), 'utf8')).not.toContain(checkout);
    expect(readFileSync(path.join(project, 'package-lock.json'), 'utf8')).not.toContain(work);
  });

  it('writes the starter partnership from the answers it was given', () => {
    const partnership = readFileSync(path.join(project, 'content/isle-of-wight/partnership.md'), 'utf8');
    expect(partnership).toContain('name: Isle of Wight Safeguarding Children Partnership');
    expect(partnership).toContain('shortName: IOWSCP');
    expect(partnership).toContain('area: Isle of Wight');
    // Quoted (YAML would read # as a comment), in single quotes as every writer of the tool quotes.
    expect(partnership).toContain("colour: '#00563f'");
    expect(readFileSync(path.join(project, 'content/isle-of-wight/plans/business-plan-2024-27.md'), 'utf8')).toContain('period: 2024-2027');
  });

  it('writes a README with the same two commands as the tool, and a workflow that checks pull requests and publishes with GitHub Pages', () => {
    const readme = readFileSync(path.join(project, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build && npm run preview');
    expect(readme).toMatch(/^npm test /m);
    const workflow = readFileSync(path.join(project, '.github/workflows/plan.yml'), 'utf8');
    expect(workflow).toContain('pull_request:');
    expect(workflow).toContain('run: npm ci');
    expect(workflow).toContain('run: npm run check');
    expect(workflow).toContain('run: npm run build');
    expect(workflow).toContain('uses: actions/deploy-pages@');
    // The tool's own workflow: every partnership in content/, or one at the root with the PLAN_PARTNERSHIP variable.
    expect(workflow).toBe(readFileSync(path.join(checkout, '.github/workflows/plan.yml'), 'utf8'));
  });
});

describe("the partnership's own commands", () => {
  it('runs on a Node new enough for the tool, whatever Node the shell has', () => {
    const version = run('npx', ['plan-publisher', '--version']);
    expect(version.status, said(version)).toBe(0);
    const [, major, minor] = /\(Node (\d+)\.(\d+)\./.exec(version.stdout) ?? [];
    expect(Number(major) > 22 || (Number(major) === 22 && Number(minor) >= 12), version.stdout).toBe(true);
    // On a machine whose own Node is too old (Debian's is 20), it is the one the tool brought; else the shell's own.
    expect(version.stdout).toContain(newEnough(shellNode) ? `(Node ${shellNode.slice(1)})` : '(Node 24.');
  });

  it('npm run check passes at once', () => {
    const check = run('npm', ['run', 'check']);
    expect(check.status, said(check)).toBe(0);
    expect(check.stdout).toContain('Checked 5 files: 1 partnership, 1 plan, 0 priorities');
  });

  it('npx plan-publisher new adds a priority and an action that the check accepts', () => {
    const priority = run('npx', ['plan-publisher', 'new', 'priority', 'Responding to neglect']);
    expect(priority.status, said(priority)).toBe(0);
    const action = run('npx', ['plan-publisher', 'new', 'action', 'Deliver neglect training', '--priority', 'responding-to-neglect']);
    expect(action.status, said(action)).toBe(0);
    expect(existsSync(path.join(project, 'content/isle-of-wight/actions/deliver-neglect-training.md'))).toBe(true);
    const check = run('npm', ['run', 'check']);
    expect(check.status, said(check)).toBe(0);
    expect(check.stdout).toContain('1 priority');
  });

  it("npm run build publishes every partnership's site, each in its own folder of dist/, in the partnership colours, with search", () => {
    const built = run('npm', ['run', 'build']);
    expect(built.status, said(built)).toBe(0);
    expect(built.stdout).toContain('Built isle-of-wight');
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toContain('href="/isle-of-wight/"');
    const dist = path.join(project, 'dist/isle-of-wight');
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('Isle of Wight Safeguarding Children Partnership');
    expect(home).toContain('--brand:#00563f');
    expect(home).toContain('Business Plan 2024-27');
    const action = readFileSync(path.join(dist, 'actions/deliver-neglect-training/index.html'), 'utf8');
    expect(action).toContain('Deliver neglect training');
    expect(readFileSync(path.join(dist, 'priorities/responding-to-neglect/index.html'), 'utf8')).toContain('Responding to neglect');
    expect(readdirSync(path.join(dist, 'pagefind')).some((name) => name.startsWith('pagefind-entry'))).toBe(true);
  });

  it('npm run report says the one command that installs what prints PDFs, and writes no PDF', () => {
    const report = run('npm', ['run', 'report', '--', '--year', '2024-25']);
    expect(report.status, said(report)).toBe(1);
    expect(report.stderr).toContain('printing the report to a PDF needs the playwright-core package, which is not installed here');
    expect(report.stderr).toMatch(/install it once, in this folder, with: npm install "playwright-core@\^1\.\d+\.\d+"/);
    expect(readdirSync(project).filter((name) => name.endsWith('.pdf'))).toEqual([]);
  });

  it.skipIf(!findChromium())('after that command, npm run report prints the PDF', () => {
    const hint = run('npm', ['run', 'report', '--', '--year', '2024-25']).stderr;
    const spec = /npm install "(playwright-core@[^"]+)"/.exec(hint)?.[1];
    expect(spec, hint).toBeDefined();
    const install = run('npm', ['install', spec!]);
    expect(install.status, said(install)).toBe(0);
    const report = run('npm', ['run', 'report', '--', '--year', '2024-25']);
    expect(report.status, said(report)).toBe(0);
    expect(report.stdout).toMatch(/Wrote annual-report-2024-25\.pdf \(\d+ pages?\)\./);
    expect(readFileSync(path.join(project, 'annual-report-2024-25.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('a partnership makes the site its own, from its content alone', () => {
  it('adds a logo, a footer link and a page of its own, and the build publishes them', () => {
    const folder = path.join(project, 'content/isle-of-wight');
    writeFileSync(
      path.join(folder, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00563f"/></svg>\n',
    );
    const partnershipFile = path.join(folder, 'partnership.md');
    const text = readFileSync(partnershipFile, 'utf8');
    expect(text).toContain("branding:\n  colour: '#00563f'\n");
    writeFileSync(
      partnershipFile,
      text.replace(
        "branding:\n  colour: '#00563f'\n",
        'branding:\n  colour: "#00563f"\n  logo:\n    file: logo.svg\n    alt: IOWSCP\n  footerLinks:\n    - title: Our website\n      url: https://www.example.org.uk\n',
      ),
    );
    const page = run('npx', ['plan-publisher', 'new', 'page', 'Contact us']);
    expect(page.status, said(page)).toBe(0);
    const built = run('npm', ['run', 'build']);
    expect(built.status, said(built)).toBe(0);
    const dist = path.join(project, 'dist/isle-of-wight');
    expect(existsSync(path.join(dist, 'logo.svg'))).toBe(true);
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<img class="header__logo" src="/isle-of-wight/logo.svg" alt="IOWSCP">');
    expect(home).toContain('<a href="/isle-of-wight/pages/contact-us/">Contact us</a>');
    expect(home).toContain('<a href="https://www.example.org.uk">Our website</a>');
    expect(readFileSync(path.join(dist, 'pages/contact-us/index.html'), 'utf8')).toContain('<h1>Contact us</h1>');
  });
});

describe('npx plan-publisher migrate, on content written before content formats existed', () => {
  it('reads the older content, shows the change as a diff, rewrites it, and the check still passes', () => {
    const older = path.join(project, 'older-content', 'rutland');
    mkdirSync(path.join(older, 'plans'), { recursive: true });
    const partnership = [
      '---',
      'name: Rutland Safeguarding Children Partnership',
      'shortName: RSCP',
      'area: Rutland',
      '# Our colour, from the brand guide.',
      'colour: "#4b2e83"',
      '---',
      'The partnership.',
      '',
    ].join('\n');
    writeFileSync(path.join(older, 'partnership.md'), partnership);
    writeFileSync(
      path.join(older, 'plans/business-plan-2022-25.md'),
      '---\ntitle: Business Plan 2022-25\nperiod: 2022-2025\nyears: none\n---\n',
    );
    const before = run('npx', ['plan-publisher', 'check', '--content', 'older-content']);
    expect(before.status, said(before)).toBe(0);

    const migrated = run('npx', ['plan-publisher', 'migrate', '--content', 'older-content', '--yes']);
    expect(migrated.status, said(migrated)).toBe(0);
    expect(migrated.stdout).toContain('--- a/older-content/rutland/partnership.md');
    expect(migrated.stdout).toContain('+format: 2');
    expect(migrated.stdout).toContain('-colour: "#4b2e83"\n+branding:\n+  colour: "#4b2e83"');
    expect(readFileSync(path.join(older, 'partnership.md'), 'utf8')).toBe(
      partnership.replace('---\nname:', '---\nformat: 2\nname:').replace('colour: "#4b2e83"', 'branding:\n  colour: "#4b2e83"'),
    );
    const after = run('npx', ['plan-publisher', 'check', '--content', 'older-content']);
    expect(after.status, said(after)).toBe(0);
  });
});

describe('plan-publisher init, with a Node new enough for the tool in the shell', () => {
  // Where the shell's own Node is new enough, the repository above is this case already.
  it.skipIf(newEnough(shellNode))(
    "depends on the tool alone: npm brings no Node, and the commands run on the shell's own",
    () => {
      // Node 24 first on PATH, from outside this checkout (npm and npx run on it too).
      const bin = path.join(work, 'node24-bin');
      mkdirSync(bin);
      symlinkSync(process.execPath, path.join(bin, 'node'));
      const env = { ...userShell(), PATH: `${bin}${path.delimiter}${userShell().PATH ?? ''}` };
      const folder = path.join(work, 'rutland-plan');
      mkdirSync(folder);
      // The tool the first repository installed starts this one (npx would install it all again), then npm installs it here.
      const made = run(path.join(project, 'node_modules/.bin/plan-publisher'), [...initArgs().slice(1), '--skip-install'], folder, env);
      expect(made.status, said(made)).toBe(0);
      expect(made.stdout).not.toContain('"node" package');
      const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(Object.keys(pkg.dependencies)).toEqual(['plan-publisher']);
      const install = run('npm', ['install', '--prefer-offline'], folder, env);
      expect(install.status, said(install)).toBe(0);
      expect(existsSync(path.join(folder, 'node_modules/plan-publisher'))).toBe(true);
      expect(existsSync(path.join(folder, 'node_modules/node'))).toBe(false);
      expect(existsSync(path.join(folder, 'node_modules/playwright-core'))).toBe(false);
      const version = run('npx', ['plan-publisher', '--version'], folder, env);
      expect(version.stdout).toContain(`(Node ${process.versions.node})`);
      const check = run('npm', ['run', 'check'], folder, env);
      expect(check.status, said(check)).toBe(0);
    },
    600_000,
  );
});
