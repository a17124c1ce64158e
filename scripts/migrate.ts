/**
 * `npm run migrate [-- --yes] [--dry-run] [--content DIR]` (`plan-publisher migrate`): moves the
 * content to the newest content format. It shows every change as a unified diff first; in a
 * terminal it then asks, otherwise it needs --yes. It changes every file or none.
 */
import { parseCommandLine, runCommand, terminalPrompter } from '../src/authoring/cli.ts';
import { describePlan, planMigration } from '../src/authoring/migrate.ts';
import { writeAllOrNothing } from '../src/authoring/write-files.ts';
import { contentDir } from '../src/config.ts';

const usage = `Usage: npm run migrate [-- --yes] [--dry-run] [--content DIR]

After an upgrade of Plan Publisher that changes how content is written, rewrites your content
for the new version. It shows every change first, then changes all the files or none.

  --dry-run      show the changes, and change nothing
  --yes          make the changes without asking (needed when not run in a terminal)
  --content DIR  the content folder (default: content)`;

await runCommand(usage, async () => {
  const line = parseCommandLine(process.argv.slice(2), {
    content: { type: 'string' },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (line.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const folder = contentDir(process.argv.slice(2));
  const plan = planMigration(folder);
  const report = describePlan(plan, folder);
  if (plan.refusals.length > 0) return { exitCode: 1, report };
  if (plan.writes.length === 0) return { exitCode: 0, report };
  if (line.values['dry-run']) return { exitCode: 0, report: `${report}\n\nThis was a dry run: nothing was changed.` };
  console.log(report);
  if (!line.values.yes) {
    if (!(process.stdin.isTTY && process.stdout.isTTY)) {
      return { exitCode: 1, report: '\nNothing was changed. To make these changes, run: npm run migrate -- --yes' };
    }
    const prompter = terminalPrompter();
    const answer = await prompter.text('\nMake these changes? (yes or no)', {
      suggested: 'no',
      check: (a) => (/^(y|yes|n|no)$/i.test(a) ? undefined : 'Type yes or no.'),
    });
    prompter.close();
    if (!/^y/i.test(answer)) return { exitCode: 1, report: 'Nothing was changed.' };
  }
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
});
