/**
 * `plan-publisher migrate` (`npm run migrate [-- --yes] [--dry-run] [--content DIR]`): moves the
 * content to the newest content format; with `--layout editor`, lays every file out as the editor
 * on GitHub writes it (src/authoring/migrate-layout.ts). It shows every change as a unified diff
 * first; in a terminal it then asks, otherwise it needs --yes. It changes every file or none.
 */
import { describeLayoutPlan, planEditorLayout } from '../authoring/migrate-layout.ts';
import { describePlan, planMigration } from '../authoring/migrate.ts';
import { terminalPrompter } from '../authoring/prompter.ts';
import { writeAllOrNothing } from '../authoring/write-files.ts';
import type { FileWrite } from '../authoring/write-files.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { booleanOption, contentOption, stringOption } from './options.ts';

export interface MigrateOptions {
  contentDir: string;
  dryRun: boolean;
  /** Make the changes without asking. */
  yes: boolean;
  /** `editor`: lay the files out as the editor on GitHub writes them, rather than move them to the newest format. */
  layout?: 'editor';
}

const usage = `Usage: npm run migrate [-- --yes] [--dry-run] [--layout editor] [--content DIR]

After an upgrade of Plan Publisher that changes how content is written, rewrites your content
for the new version. It shows every change first, then changes all the files or none.

  --layout editor  instead, lay every file out as the editor on GitHub writes it, once, so
                   that each save there changes only the lines you edited; it lists every
                   comment it removes (the editor cannot keep them) before changing anything
  --dry-run        show the changes, and change nothing
  --yes            make the changes without asking (needed when not run in a terminal)
  --content DIR    the content folder (default: content, or $PLAN_CONTENT)
  --help           show this`;

export const migrateCommand: Command<MigrateOptions> = {
  name: 'migrate',
  usage,
  options: { content: { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, layout: { type: 'string' } },
  parse: (line) => ({
    contentDir: contentOption(line),
    dryRun: booleanOption(line, 'dry-run'),
    yes: booleanOption(line, 'yes'),
    layout: layoutOption(line),
  }),
  run: migrate,
};

function layoutOption(line: CommandLine): 'editor' | undefined {
  const layout = stringOption(line, 'layout');
  if (layout === undefined || layout === 'editor') return layout;
  throw new UsageError(`--layout "${layout}" is not a layout migrate knows: the one it knows is --layout editor`);
}

/** What a run would change, as the files to write and the report to show first. */
interface Planned {
  writes: FileWrite[];
  refused: boolean;
  report: string;
}

function planned(options: MigrateOptions): Planned {
  const folder = options.contentDir;
  if (options.layout === 'editor') {
    const plan = planEditorLayout(folder);
    return { writes: plan.writes, refused: plan.refusals.length > 0, report: describeLayoutPlan(plan, folder) };
  }
  const plan = planMigration(folder);
  return { writes: plan.writes, refused: plan.refusals.length > 0, report: describePlan(plan, folder) };
}

export async function migrate(options: MigrateOptions): Promise<CommandOutcome> {
  const folder = options.contentDir;
  const plan = planned(options);
  const report = plan.report;
  if (plan.refused) return { exitCode: 1, report };
  if (plan.writes.length === 0) return { exitCode: 0, report };
  if (options.dryRun) return { exitCode: 0, report: `${report}\n\nThis was a dry run: nothing was changed.` };
  console.log(report);
  if (!options.yes) {
    if (!(process.stdin.isTTY && process.stdout.isTTY)) {
      const again = options.layout === 'editor' ? 'npm run migrate -- --layout editor --yes' : 'npm run migrate -- --yes';
      return { exitCode: 1, report: `\nNothing was changed. To make these changes, run: ${again}` };
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
function writeMigration(plan: { writes: FileWrite[] }, folder: string): CommandOutcome {
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
