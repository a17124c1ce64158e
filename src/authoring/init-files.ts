/**
 * What every repository `init` starts has in common, for one partnership (init.ts) or a joint
 * arrangement (init-joint.ts): how answers are read and refused, and the files around the
 * content (the authoring guide, README, .gitignore and the GitHub workflow).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { githubEditor, hexColour, period as periodSchema } from '../../schemas/index.ts';
import { packageRoot } from '../package-root.ts';
import { periodFromTitle } from './ids.ts';
import type { Prompter } from './prompter.ts';

export interface InitResult {
  exitCode: 0 | 1 | 2;
  report: string;
  /** Whether package.json gained the tool as a dependency, so it still has to be installed. */
  needsInstall?: boolean;
}

export const defaultColour = '#1d4f91';

/** "2024-2027" -> "2024-27"; "2024-onwards" stays. */
export function shortPeriod(period: string): string {
  const [from, to] = period.split('-');
  return `${from}-${to === 'onwards' ? 'onwards' : to.slice(2)}`;
}

/** A period as the schema wants it, from what people type: "2024-27" -> "2024-2027". */
export function normalisePeriod(text: string): string {
  return periodFromTitle(text) ?? text.trim();
}

export const colourProblem = (value: string) =>
  hexColour.safeParse(value).success ? undefined : `"${value}" is not a colour: write it like #1d4f91 (a # and six letters or digits).`;

/** What is wrong with a GitHub repository as init is given it, in the partnership schema's words. */
export const githubProblem = (value: string) =>
  githubEditor.shape.repository.safeParse(value).success
    ? undefined
    : `"${value}" is not a GitHub repository: write its owner and name, like hampshire-scp/business-plan.`;

export const periodProblem = (value: string) =>
  periodSchema.safeParse(normalisePeriod(value)).success
    ? undefined
    : `"${value}" is not a period: write the first and last years, like 2024-2027.`;

export const refuse = (lines: string[], exitCode: 1 | 2 = 1): InitResult => ({
  exitCode,
  report: [...lines, 'Nothing was written.'].join('\n'),
});

/** What a repository's files say about whose plan it is: a name, and its folders in content/. */
export interface RepositoryOwner {
  name: string;
  folders: string[];
}

/** "`content/a/`, `content/b/` and `content/c/`". */
function folderList(folders: string[]): string {
  const named = folders.map((id) => `\`content/${id}/\``);
  return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

/**
 * The authoring guide, then the README, .gitignore and workflow unless the folder has its own
 * (`kept` lists those).
 */
export function repositoryFiles(folder: string, owner: RepositoryOwner): { files: Map<string, string>; kept: string[] } {
  const files = new Map<string, string>();
  files.set(path.join('content', 'README.md'), readFileSync(path.join(packageRoot, 'content', 'README.md'), 'utf8'));
  const fill = (template: string) =>
    readFileSync(path.join(packageRoot, 'templates', 'partnership', template), 'utf8')
      .replaceAll('{{name}}', owner.name)
      .replaceAll('{{folders}}', folderList(owner.folders));
  const optional = new Map<string, string>([
    ['README.md', fill('README.md')],
    ['.gitignore', fill('gitignore')],
    [path.join('.github', 'workflows', 'plan.yml'), fill('plan.yml')],
  ]);
  const kept: string[] = [];
  for (const [relative, text] of optional) {
    if (existsSync(path.join(folder, relative))) kept.push(relative);
    else files.set(relative, text);
  }
  return { files, kept };
}

/** A question init asks about what its options did not give. */
export type Ask = (
  given: string | undefined,
  option: string,
  question: string,
  suggested?: string,
  check?: (answer: string) => string | undefined,
) => Promise<string | undefined>;

/**
 * How init gets each detail: as given, else asked in a terminal, else the suggestion; with no
 * terminal and nothing to suggest, the option goes on `missing`, so every missing one is named at once.
 */
export function asker(prompter: Prompter | undefined, missing: string[]): Ask {
  return async (given, option, question, suggested, check) => {
    if (given !== undefined && given.trim() !== '') return given.trim();
    if (prompter) return prompter.text(question, { suggested, check });
    if (suggested !== undefined) return suggested;
    missing.push(option);
    return undefined;
  };
}
