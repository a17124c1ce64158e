/**
 * `plan-publisher init`: turns an empty folder into a partnership's own repository, which takes
 * the tool as a dependency instead of copying it. It writes a starter partnership that passes the
 * check (its name, short name, area, colour, one plan and its reporting years), the authoring
 * guide, a package.json whose scripts are the commands of the tool's own README, a GitHub
 * workflow that checks pull requests and publishes on merge, and a README. It writes everything
 * or nothing, never overwrites a file the folder already has, and never writes through a link
 * to another place.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slug } from '../../schemas/index.ts';
import { checkContent } from '../model/check.ts';
import { formatProblem } from '../model/problems.ts';
import { reservedIdReason } from '../model/reserved-names.ts';
import { yearsInPeriod } from '../model/years.ts';
import { packageInfo } from '../package-root.ts';
import { bundledNodeRange, npmNodeVersion, runsTheTool } from './bundled-node.ts';
import type { Prompter } from './prompter.ts';
import { areaFromName, idFromTitle, periodFromTitle, shortNameFromName } from './ids.ts';
import {
  asker,
  colourProblem,
  defaultColour,
  githubProblem,
  normalisePeriod,
  periodProblem,
  refuse,
  repositoryFiles,
  shortPeriod,
  type InitResult,
} from './init-files.ts';
import { jointArrangement, jointNextSteps, jointStarterFiles } from './init-joint.ts';
import { toolDependency, type ToolDependency } from './tool-dependency.ts';
import { templateFor } from './templates.ts';

export interface InitOptions {
  /** The folder to turn into the partnership's repository. */
  folder: string;
  name?: string;
  shortName?: string;
  area?: string;
  colour?: string;
  planTitle?: string;
  period?: string;
  /** The partnership's id (its folder in content/); from the area unless given. */
  id?: string;
  /** Its GitHub repository as owner/name, for the editor on GitHub (`editor:` in partnership.md); none unless given or answered. */
  github?: string;
  /** Start a joint arrangement: the partnerships in `names`, a shared plan they own, and `adultsBoards`. */
  joint?: boolean;
  /** With `joint`: each partnership's full name. */
  names?: string[];
  /** With `joint`: the joint arrangement's name; from the partnerships' areas unless given. */
  arrangement?: string;
  /** With `joint`: the adults' boards they share work with, by full name. */
  adultsBoards?: string[];
  /**
   * What package.json depends on: `^<this version>` from the registry unless given; a git URL,
   * recorded as given; or a tarball, copied into vendor/ and recorded by that relative path.
   */
  tool?: string;
  /** The version of the Node that runs npm in the folder, which decides whether the tool brings its own; found out unless given. */
  nodeVersion?: string;
}

export type { InitResult } from './init-files.ts';

/**
 * The scripts a partnership's package.json gets: the same `npm run` commands as the tool's own
 * repository. `build` builds every partnership in content/, so a partnership added later (a
 * co-owner of a shared plan, an adults' board with a plan) is never left unbuilt; one site alone
 * at the root of its address is `npm run build -- --partnership ID`, or PLAN_PARTNERSHIP.
 */
export function partnershipScripts(): Record<string, string> {
  return {
    check: 'plan-publisher check',
    build: 'plan-publisher build',
    preview: 'plan-publisher preview',
    new: 'plan-publisher new',
    import: 'plan-publisher import',
    migrate: 'plan-publisher migrate',
    report: 'plan-publisher report',
    test: 'plan-publisher check',
  };
}

/** "2024-2027" -> "Business Plan 2024-27". */
function planTitleFor(period: string): string {
  return `Business Plan ${shortPeriod(period)}`;
}

/** The partnership's details: given, asked for in a terminal (with what can be worked out suggested), or listed as missing. */
interface Answers {
  name?: string;
  shortName?: string;
  area?: string;
  colour?: string;
  period?: string;
  planTitle?: string;
  /** Its GitHub repository (owner/name), or '' for none. */
  github: string;
  missing: string[];
}

async function askDetails(options: InitOptions, prompter?: Prompter): Promise<Answers> {
  const missing: string[] = [];
  const ask = asker(prompter, missing);
  const name = await ask(
    options.name,
    '--name "<the partnership\'s full name>"',
    'The partnership\'s full name, like "Isle of Wight Safeguarding Children Partnership"',
  );
  const shortName = name && (await ask(options.shortName, '--short-name', 'Its short name', shortNameFromName(name)));
  const area = name && (await ask(options.area, '--area', 'The area it covers', areaFromName(name) || name));
  const colour = await ask(options.colour, '--colour', 'Its brand colour, dark enough for white text', defaultColour, colourProblem);
  const titlePeriod = options.planTitle ? periodFromTitle(options.planTitle) : undefined;
  const periodText = await ask(
    options.period ?? titlePeriod,
    '--period YYYY-YYYY (the years the plan covers, like 2024-2027)',
    'The years its current plan covers, like 2024-2027',
    undefined,
    periodProblem,
  );
  const period = periodText === undefined ? undefined : normalisePeriod(periodText);
  const planTitle = period && (await ask(options.planTitle, '--plan-title', "The plan's title", planTitleFor(period)));
  const github = options.github?.trim() ?? (await askGithub(prompter));
  return { name, shortName, area, colour, period, planTitle, github, missing };
}

/** Optional: in a terminal, the repository for editing on GitHub, or Enter for none; otherwise none. */
async function askGithub(prompter?: Prompter): Promise<string> {
  if (!prompter) return '';
  const answer = await prompter.text('Its GitHub repository, as owner/name, for editing in the browser (press Enter to skip)', {
    optional: true,
    check: githubProblem,
  });
  return answer.trim();
}

/** A package.json already in the folder, as text and as data; a refusal when it is not a JSON object. */
function readExistingPackage(packagePath: string): { text?: string; data?: Record<string, unknown> } | InitResult {
  if (!existsSync(packagePath)) return {};
  try {
    const text = readFileSync(packagePath, 'utf8');
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { text, data: parsed as Record<string, unknown> };
  } catch {
    return refuse([`error: ${packagePath} is not valid JSON`, '    hint: fix it, or run init in a new, empty folder']);
  }
}

/** Before anything is read or written: a link would take what init writes somewhere else; content/ must be empty. */
function refuseFolder(folder: string, alsoWritten: readonly string[]): InitResult | undefined {
  const links = linksOnTheWay(folder, [...fixedTargets, ...alsoWritten.map((relative) => relative.split(path.sep).join('/'))]);
  if (links.length > 0) {
    return refuse(
      links.flatMap(({ relative, to }) => [
        `error: ${relative} is a link to ${to}: init writes only inside ${folder}, never through a link`,
        '    hint: replace the link with a copy of what it links to, or run init in a new, empty folder',
      ]),
    );
  }
  const contentDir = path.join(folder, 'content');
  if (existsSync(contentDir) && readdirSync(contentDir).length > 0) {
    return refuse([
      `error: ${contentDir} already has files in it, so this folder already holds a plan`,
      '    hint: run init in a new, empty folder; to add another partnership here, use: npm run new -- partnership "<name>"',
    ]);
  }
  return undefined;
}

/** The answers complete and usable, with the partnership's id; or a refusal that says what is missing or wrong. */
function checkAnswers(answers: Answers, options: InitOptions): (Required<Omit<Answers, 'missing'>> & { id: string }) | InitResult {
  const { name, shortName, area, colour, period, planTitle, github, missing } = answers;
  if (missing.length > 0 || !name || !shortName || !area || !colour || !period || !planTitle) {
    return refuse(
      [
        'Some details are missing for the new partnership. Give them like this (or run init in a terminal to be asked):',
        '  npx plan-publisher init --name "Isle of Wight Safeguarding Children Partnership" --period 2024-2027',
        '',
        'Missing:',
        ...missing.map((option) => `  ${option}`),
      ],
      2,
    );
  }
  const colourError = colourProblem(colour);
  if (colourError) return refuse([`error: --colour: ${colourError}`], 2);
  if (periodProblem(period)) return refuse([`error: --period: ${periodProblem(period)}`], 2);
  if (github && githubProblem(github)) return refuse([`error: --github: ${githubProblem(github)}`], 2);
  const id = options.id ?? idFromTitle(area);
  if (!slug.safeParse(id).success) {
    return refuse(
      [`error: "${id}" cannot be a partnership id: use lower-case letters, digits and single hyphens, like --id isle-of-wight`],
      2,
    );
  }
  const reserved = reservedIdReason(id, 'partnership');
  if (reserved) return refuse([`error: ${reserved}`, `    hint: give another with --id, like --id ${id}-partnership`], 2);
  return { name, shortName, area, colour, period, planTitle, github, id };
}

type Partnership = Exclude<ReturnType<typeof checkAnswers>, InitResult>;

/** The starter content and the authoring guide; the README, .gitignore and workflow unless the folder has its own. */
function starterFiles(folder: string, p: Partnership): { files: Map<string, string | Buffer>; kept: string[] } {
  const planId = idFromTitle(p.planTitle);
  const files = new Map<string, string | Buffer>();
  const content = (relative: string) => path.join('content', p.id, relative);
  // With the editor on GitHub, no commented-out examples: its first save of a file would remove them.
  const examples = !p.github;
  files.set(
    content('partnership.md'),
    templateFor('partnership', {
      title: p.name,
      shortName: p.shortName,
      area: p.area,
      colour: p.colour,
      editor: p.github || undefined,
      groups: [],
      years: [],
      examples,
    }),
  );
  files.set(content(`plans/${planId}.md`), templateFor('plan', { title: p.planTitle, period: p.period, groups: [], years: [], examples }));
  for (const year of yearsInPeriod(p.period)) {
    files.set(content(`years/${year}.md`), templateFor('year', { title: year, plan: planId, groups: [], years: [], examples }));
  }
  const repository = repositoryFiles(folder, { name: p.name, folders: [p.id] });
  for (const [relative, text] of repository.files) files.set(relative, text);
  return { files, kept: repository.kept };
}

interface PartnershipPackage {
  text: string;
  /** Whether it gained a dependency (the tool, or the `node` package) that npm still has to install. */
  needsInstall: boolean;
  /** Scripts it already had under the names of the tool's commands, kept as they were. */
  keptScripts: string[];
  /** Whether it gained the `node` package, because the Node that runs npm here is too old for the tool. */
  bringsNode: boolean;
}

/**
 * The partnership's package.json: the one the folder has, or a new one, with the tool's
 * commands as scripts and the tool as a dependency; and, only where npm runs on a Node older
 * than the tool needs, the `node` package, which brings Node 24 for the tool to run on.
 */
function partnershipPackage(
  existing: Record<string, unknown> | undefined,
  { id, name, tool, nodeVersion }: { id: string; name: string; tool: ToolDependency; nodeVersion: string },
): PartnershipPackage {
  const pkg: Record<string, unknown> = existing ?? {
    name: `${id}-plan`,
    version: '1.0.0',
    private: true,
    description: `The business plan of the ${name}, published with Plan Publisher.`,
  };
  const scripts = { ...record(pkg.scripts) };
  const keptScripts: string[] = [];
  for (const [script, command] of Object.entries(partnershipScripts())) {
    if (scripts[script] === undefined) scripts[script] = command;
    else if (scripts[script] !== command) keptScripts.push(script);
  }
  pkg.scripts = scripts;
  const dependencies = { ...record(pkg.dependencies) };
  const devDependencies = record(pkg.devDependencies);
  const has = (name: string) => dependencies[name] !== undefined || devDependencies[name] !== undefined;
  const addsTool = !has('plan-publisher');
  if (addsTool) dependencies['plan-publisher'] = tool.spec;
  const bringsNode = !runsTheTool(nodeVersion) && !has('node');
  if (bringsNode) dependencies.node = bundledNodeRange();
  pkg.dependencies = dependencies;
  // npm asks before running a dependency's install script: Astro's esbuild has one, and so has the Node package where there is one;
  // from a git URL, the tool's own prepare script compiles its command line.
  pkg.allowScripts = {
    ...(has('node') ? { node: true } : {}),
    esbuild: true,
    ...(addsTool && tool.builtOnInstall ? { 'plan-publisher': true } : {}),
    ...record(pkg.allowScripts),
  };
  return { text: `${JSON.stringify(pkg, null, 2)}\n`, needsInstall: addsTool || bringsNode, keptScripts, bringsNode };
}

/** Why package.json depends on the `node` package, and how to drop it once it is not needed. */
function bringsNodeNote(nodeVersion: string): string[] {
  const major = /\d+/.exec(bundledNodeRange())?.[0] ?? '24';
  return [
    `npm runs on Node.js ${nodeVersion} on this computer, and the tool needs 22.12 or later, so package.json also`,
    `depends on the "node" package: npm installs Node.js ${major} into node_modules/ (about 190 MB) and the tool runs on it.`,
    'Once every computer that works on the plan has Node.js 22.12 or later, remove it with: npm uninstall node',
  ];
}

/** Writes every file (package.json over the folder's own, no other over anything); on a failure, undoes them all. */
function writeAll(folder: string, files: Map<string, string | Buffer>, packageText: string | undefined): InitResult | undefined {
  const written: string[] = [];
  try {
    for (const [relative, data] of files) {
      const target = path.join(folder, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, data, { flag: relative === 'package.json' ? 'w' : 'wx' });
      written.push(relative);
    }
  } catch (error) {
    undo(folder, written, packageText);
    return refuse([`error: could not write the new files: ${error instanceof Error ? error.message : String(error)}`]);
  }
  // The starter is written from templates that pass the check; this proves it for these answers.
  const errors = checkContent(path.join(folder, 'content')).problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) {
    undo(folder, written, packageText);
    return refuse(['error: the starter content would not pass the check:', ...errors.map(formatProblem)]);
  }
  return undefined;
}

/** What a repository starts with: whose it is, its files, and what to do next. */
interface Starter {
  /** Whose plan: a partnership's or a joint arrangement's name, and the package's name from its id. */
  name: string;
  id: string;
  files: Map<string, string | Buffer>;
  kept: string[];
  next: string[];
}

/** One partnership's starter, from the options or a terminal's answers; or why not. */
async function partnershipStarter(folder: string, options: InitOptions, prompter?: Prompter): Promise<Starter | InitResult> {
  const partnership = checkAnswers(await askDetails(options, prompter), options);
  if ('report' in partnership) return partnership;
  const { files, kept } = starterFiles(folder, partnership);
  const next = [
    `  npm run build && npm run preview     build the site and look at it on http://127.0.0.1:4321/${partnership.id}/`,
    `  npm run new -- priority "Title"      add the plan's first priority (then objectives and actions)`,
  ];
  return { name: partnership.name, id: partnership.id, files, kept, next };
}

/** A joint arrangement's starter: several partnerships, their shared plan, their adults' boards; or why not. */
async function jointStarter(folder: string, options: InitOptions, prompter?: Prompter): Promise<Starter | InitResult> {
  const oneOnly = (['shortName', 'area', 'id'] as const).filter((key) => options[key] !== undefined);
  if (oneOnly.length > 0) {
    return refuse(
      [
        `error: ${oneOnly.map((key) => `--${key === 'shortName' ? 'short-name' : key}`).join(', ')} name one partnership, and --joint starts several`,
        "    hint: leave them out: init works each one out from the partnership's name, and you can change it in its partnership.md",
      ],
      2,
    );
  }
  const joint = await jointArrangement(
    {
      names: options.names ?? (options.name ? [options.name] : []),
      arrangement: options.arrangement,
      adultsBoards: options.adultsBoards ?? [],
      colour: options.colour,
      period: options.period,
      planTitle: options.planTitle,
    },
    prompter,
  );
  if ('report' in joint) return joint;
  const { files, kept } = jointStarterFiles(folder, joint);
  return { name: joint.name, id: joint.id, files, kept, next: jointNextSteps(joint) };
}

export async function init(options: InitOptions, prompter?: Prompter): Promise<InitResult> {
  const folder = path.resolve(options.folder);
  const tool = toolDependency(options.tool, folder, packageInfo().version);
  if ('problem' in tool) return refuse(tool.problem, 2);
  const wrongFolder = refuseFolder(folder, tool.copy ? [tool.copy.relative] : []);
  if (wrongFolder) return wrongFolder;
  const existing = readExistingPackage(path.join(folder, 'package.json'));
  if ('report' in existing) return existing;
  const starter = options.joint ? await jointStarter(folder, options, prompter) : await partnershipStarter(folder, options, prompter);
  if ('report' in starter) return starter;

  // Every file, decided before any is written.
  const { files } = starter;
  const nodeVersion = options.nodeVersion ?? npmNodeVersion();
  const pkg = partnershipPackage(existing.data, { id: starter.id, name: starter.name, tool, nodeVersion });
  files.set('package.json', pkg.text);
  if (tool.copy) files.set(tool.copy.relative, tool.copy.bytes);
  const failed = writeAll(folder, files, existing.text);
  if (failed) return failed;
  return { exitCode: 0, needsInstall: pkg.needsInstall, report: startedReport(folder, starter, pkg, nodeVersion, tool) };
}

/** What init wrote, what it kept, and what to do next. */
function startedReport(folder: string, starter: Starter, pkg: PartnershipPackage, nodeVersion: string, tool: ToolDependency): string {
  const shown = (relative: string) => relative.split(path.sep).join('/');
  return [
    `Started the ${starter.name}'s plan in ${folder}:`,
    ...[...starter.files.keys()].sort().map((relative) => `  ${shown(relative)}`),
    ...(starter.kept.length > 0 ? ['', `Kept as they were (not overwritten): ${starter.kept.map(shown).join(', ')}`] : []),
    ...(pkg.keptScripts.length > 0
      ? [
          '',
          `package.json already had scripts named ${pkg.keptScripts.join(', ')}; they were kept, so those npm commands may not run the tool.`,
        ]
      : []),
    ...(pkg.bringsNode ? ['', ...bringsNodeNote(nodeVersion)] : []),
    ...(tool.copy
      ? [
          '',
          `package.json installs the tool from ${shown(tool.copy.relative)}: commit that file with the rest, so every computer can install it.`,
        ]
      : []),
    '',
    'Next:',
    '  npm run check                        check the content',
    ...starter.next,
    '',
    'The authoring guide is content/README.md. To publish with GitHub Pages, put this folder on',
    'GitHub, then in Settings > Pages choose Source: "GitHub Actions" (README.md says more).',
  ].join('\n');
}

/**
 * Every path init writes whatever the answers, as shown in messages. The partnership's own files
 * go in content/<id>/, which cannot exist yet: content/ must be empty.
 */
const fixedTargets = ['package.json', 'README.md', '.gitignore', '.github/workflows/plan.yml', 'content/README.md'];

/**
 * The symbolic links (or Windows junctions) on the way from `folder` to each target, the target
 * included, each once with where it leads. Writing through one would change a file outside the
 * folder, or put the plan there.
 */
function linksOnTheWay(folder: string, targets: readonly string[]): Array<{ relative: string; to: string }> {
  const found = new Map<string, string>();
  for (const target of targets) {
    const parts = target.split('/');
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const relative = parts.slice(0, depth).join('/');
      const absolute = path.join(folder, ...parts.slice(0, depth));
      let isLink: boolean;
      try {
        isLink = lstatSync(absolute).isSymbolicLink();
      } catch {
        break; // It does not exist yet, so nothing below it does either.
      }
      if (isLink) {
        found.set(relative, path.resolve(path.dirname(absolute), readlinkSync(absolute)));
        break;
      }
    }
  }
  return [...found].map(([relative, to]) => ({ relative, to }));
}

/** A package.json field that should hold an object, or an empty one. */
function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Removes what a failed init wrote, with the folders it made, and puts back a package.json that was there before. */
function undo(folder: string, written: string[], packageText: string | undefined): void {
  for (const relative of written) {
    if (relative === 'package.json' && packageText !== undefined) writeFileSync(path.join(folder, relative), packageText);
    else rmSync(path.join(folder, relative), { force: true });
  }
  const folders = [...new Set(written.map((relative) => path.dirname(relative)).filter((dir) => dir !== '.'))];
  // Deepest first, and only the ones left empty: a folder that held the user's own files stays.
  for (const dir of folders.flatMap((d) => ancestors(d)).sort((a, b) => b.length - a.length)) {
    const target = path.join(folder, dir);
    if (existsSync(target) && readdirSync(target).length === 0) rmSync(target, { recursive: true });
  }
}

/** "content/x/plans" -> ["content/x/plans", "content/x", "content"]. */
function ancestors(relative: string): string[] {
  const found: string[] = [];
  for (let dir = relative; dir !== '.' && dir !== ''; dir = path.dirname(dir)) found.push(dir);
  return found;
}
