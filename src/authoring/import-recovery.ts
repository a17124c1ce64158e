/**
 * What an import does about an earlier one that stopped part-way (src/authoring/write-files.ts
 * keeps the journal), said in plain words: a real import undoes it first and says so; a dry run,
 * which changes nothing, refuses until it is undone; `npm run import -- --recover` undoes it alone.
 */
import { interruptedImport } from '../model/interrupted-import.ts';
import { formatProblem, type Problem } from '../model/problems.ts';
import { visible } from '../model/terminal-text.ts';
import { displayPath } from './content.ts';
import { journalPath } from './import-journal.ts';
import { recoverInterruptedImport, type FileWriter, type Recovery } from './write-files.ts';

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
const when = (started: string) => `started ${started.replace('T', ' ').slice(0, 19)} UTC`;

/** The lines that say what was undone, and the problems that stop this import. */
function describe(recovery: Recovery, contentDir: string): { notes: string[]; problems: Problem[] } {
  const journal = displayPath(journalPath(contentDir));
  switch (recovery.state) {
    case 'none':
      return { notes: [], problems: [] };
    case 'running':
      return {
        notes: [],
        problems: [
          {
            file: journal,
            message: `another import (process ${recovery.pid}, ${when(recovery.started)}) is writing these files right now`,
            hint: 'wait for it to finish, then import again. If no import is running (the computer restarted since, say), run `npm run import -- --recover`',
          },
        ],
      };
    case 'unreadable':
      return {
        notes: [],
        problems: [
          {
            file: recovery.journal,
            message: `an earlier import stopped part-way, and its journal cannot be used: ${recovery.reason}`,
            hint: 'check the files an import changes (status, rating and updates of actions, values of measures) against your last good copy, with `git status` if you use git; then delete this file',
          },
        ],
      };
    case 'undone': {
      const restored =
        recovery.restored.length === 0
          ? 'It had not changed any file yet.'
          : recovery.restored.length === 1
            ? `The file it had changed is back as it was before it: ${recovery.restored[0]}.`
            : `The ${files(recovery.restored.length)} it had changed are back as they were before it: ${recovery.restored.join(', ')}.`;
      const notes = [
        `An earlier import (process ${recovery.pid}, ${when(recovery.started)}) stopped part-way, so it has been undone. ${restored}`,
        ...recovery.left.filter((l) => !l.stillChanged).map((l) => `${l.file}: ${l.reason}.`),
      ];
      const problems: Problem[] = recovery.left
        .filter((l) => l.stillChanged)
        .map((l) => ({
          file: l.file,
          message: `could not put back this file after an earlier import stopped: ${l.reason}`,
          hint: 'close any program that has it open, then run `npm run import -- --recover`',
        }));
      return { notes, problems };
    }
  }
}

/**
 * Run before an import reads the content. A dry run only reports a stopped import (as the
 * check does); a real one undoes it, and its report starts by saying so.
 */
export function settleEarlierImport(
  contentDir: string,
  options: { dryRun?: boolean; fs?: FileWriter },
): { notes: string[]; problems: Problem[] } {
  if (options.dryRun) return { notes: [], problems: interruptedImport(contentDir, displayPath) };
  return describe(recoverInterruptedImport(contentDir, { fs: options.fs }), contentDir);
}

/** `npm run import -- --recover`: undoes a stopped import, even one whose process id has since been given to another program. */
export function recoverCommand(contentDir: string): { exitCode: 0 | 1; report: string } {
  const recovery = recoverInterruptedImport(contentDir, { force: true });
  if (recovery.state === 'none') {
    return {
      exitCode: 0,
      report: `No import stopped part-way in ${visible(displayPath(contentDir)) || '.'}/: there is nothing to put back.`,
    };
  }
  const { notes, problems } = describe(recovery, contentDir);
  return {
    exitCode: problems.length > 0 ? 1 : 0,
    report: [
      ...problems.map(formatProblem),
      ...notes.map(visible),
      ...(problems.length > 0 ? [] : ['Run `npm run check`, then import the spreadsheet again.']),
    ].join('\n'),
  };
}

/** What to say when every file was written but the journal is still there: deleting it is what makes the import stay. */
export function journalLeftNote(contentDir: string, reason: string): string {
  const journal = displayPath(journalPath(contentDir));
  return `Every file was written, but ${journal} could not be deleted (${reason}). Delete it yourself: while it is there, \`npm run check\` refuses the content, and the next import undoes these changes.`;
}
