/**
 * `plan-publisher migrate` (`npm run migrate [-- --yes] [--dry-run] [--content DIR]`): moves the
 * content to the newest content format. It shows every change as a unified diff first; in a
 * terminal it then asks, otherwise it needs --yes. It changes every file or none.
 */
import { describePlan, planMigration, type MigrationPlan } from '../authoring/migrate.ts';
import { terminalPrompter } from '../authoring/prompter.ts';
import { writeAllOrNothing } from '../authoring/write-files.ts';
import { type Command, type CommandOutcome } from './command-line.ts';
import { booleanOption, contentOption } from './options.ts';

export interface MigrateOptions {
  contentDir: string;
  dryRun: boolean;
  /** Make the changes without asking. */
  yes: boolean;
}

const usage = `Usage: npm run migrate [-- --yes] [--dry-run] [--content DIR]

After an upgrade of Plan Publisher that changes how content is written, rewrites your content
for the new version. It shows every change first, then changes all the files or none.

  --dry-run      show the changes, and change nothing
  --yes          make the changes without asking (needed when not run in a terminal)
  --content DIR  the content folder (default: content, or $PLAN_CONTENT)
  --help         show this`;

export const migrateCommand: Command<MigrateOptions> = {
  name: 'migrate',
  usage,
  options: { content: { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } },
  parse: (line) => ({ contentDir: contentOption(line), dryRun: booleanOption(line, 'dry-run'), yes: booleanOption(line, 'yes') }),
  run: migrate,
};

export async function migrate(options: MigrateOptions): Promise<CommandOutcome> {
  const folder = options.contentDir;
  const plan = planMigration(folder);
  const report = describePlan(plan, folder);
  if (plan.refusals.length > 0) return { exitCode: 1, report };
  if (plan.writes.length === 0) return { exitCode: 0, report };
  if (options.dryRun) return { exitCode: 0, report: `${report}\n\nThis was a dry run: nothing was changed.` };
  console.log(report);
  if (!options.yes) {
    if (!(process.stdin.isTTY && process.stdout.isTTY)) {
      return { exitCode: 1, report: '\nNothing was changed. To make these changes, run: npm run migrate -- --yes' };
    }
    if (!(await confirmed())) return { exitCode: 1, report: 'Nothing was changed.' };
  }
  return writeMigration(plan, folder);
}

async function confirmed(): Promise<boolean> {
  const prompter = terminalPrompter();
  const answer = await prompter.text('\nMake these changes? (yes or no)', {
    suggested: 'no',
    check: (a) => (/^(y|yes|n|no)$/i.test(a) ? undefined : 'Type yes or no.'),
  });
  prompter.close();
  return /^y/i.test(answer);
}

/** Writes every file of the plan, or, when one cannot be written, puts back those that were. */
function writeMigration(plan: MigrationPlan, folder: string): CommandOutcome {
  const outcome = writeAllOrNothing(plan.writes, folder);
  if (!outcome.ok) {
    const { failed, restored, notRestored } = outcome;
    return {
      exitCode: 1,
      report: [
        `\nerror: ${failed.file} could not be written: ${failed.changedMeanwhile ? 'it changed while migrate was running' : failed.reason}.`,
        notRestored.length === 0
          ? 'Nothing was changed. Close any program that has the files open, then run migrate again.'
          : `These files were changed and could not be put back: ${notRestored.map((n) => n.file).join(', ')}. Put them back from your version history (git), then run migrate again.`,
        ...(restored.length > 0 ? [`(${restored.join(', ')} had been written and were put back.)`] : []),
      ].join('\n'),
    };
  }
  return {
    exitCode: 0,
    report: `\nChanged ${plan.writes.length} ${plan.writes.length === 1 ? 'file' : 'files'}. Now run: npm run check`,
  };
}
