/**
 * `plan-publisher import` (`npm run import -- FILE.csv [options]`): writes the status, RAG and
 * latest update columns of an edited actions.csv back into the action files, or the new values
 * of an edited measures.csv into the measure files. All or nothing: any problem with any row,
 * and no file is changed. `--recover` only undoes an import that stopped part-way. See
 * content/README.md.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { importActions } from '../authoring/import.ts';
import { importMeasures, isMeasuresHeader } from '../authoring/import-measures.ts';
import { recoverCommand } from '../authoring/import-recovery.ts';
import { parseCsv } from '../open-data/csv.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { booleanOption, contentOption, dateOption, stringOption } from './options.ts';

export type ImportCommandOptions =
  | { recover: true; contentDir: string }
  | { recover: false; csvPath: string; contentDir: string; partnership?: string; dryRun: boolean; date?: string };

const usage = `Usage: npm run import -- FILE.csv [--dry-run] [--date YYYY-MM-DD] [--partnership ID] [--content DIR]
       npm run import -- --recover [--content DIR]

Reads a copy of your site's actions.csv (Open data page, /<partnership>/data/actions.csv)
after you have edited its status, rag and last_update_* columns, and writes those changes
into the action files. Other columns are not imported.

Given a copy of measures.csv (/<partnership>/data/measures.csv) with rows added for new
values, it adds those values to the measure files.

  --dry-run          show what would change, and change nothing
  --date YYYY-MM-DD  the date for the progress update a status change records (default: today)
  --partnership ID   the partnership the rows belong to (default: from each row's url)
  --content DIR      the content folder (default: content, or $PLAN_CONTENT)
  --recover          put back the files an import that stopped part-way had changed, and do nothing else
  --help             show this`;

export const importCommand: Command<ImportCommandOptions> = {
  name: 'import',
  usage,
  positionals: true,
  options: {
    content: { type: 'string' },
    partnership: { type: 'string' },
    'dry-run': { type: 'boolean' },
    date: { type: 'string' },
    recover: { type: 'boolean' },
  },
  parse: parseImportOptions,
  run: importFile,
};

function parseImportOptions(line: CommandLine): ImportCommandOptions {
  const date = dateOption(line, 'date');
  const contentDir = contentOption(line);
  if (booleanOption(line, 'recover')) {
    if (line.positionals.length > 0)
      throw new UsageError('--recover only puts files back: run it without a CSV file, then import the file');
    return { recover: true, contentDir };
  }
  if (line.positionals.length !== 1) {
    throw new UsageError(
      line.positionals.length === 0
        ? 'say which CSV file to import, like: npm run import -- actions.csv'
        : `give one CSV file, not ${line.positionals.length}`,
    );
  }
  const [csvPath] = line.positionals;
  return {
    recover: false,
    csvPath,
    contentDir,
    partnership: stringOption(line, 'partnership'),
    dryRun: booleanOption(line, 'dry-run'),
    date,
  };
}

/** Imports the file: measures from a measures.csv, else status and progress from an actions.csv. */
export function importFile(options: ImportCommandOptions): CommandOutcome {
  if (options.recover) return recoverCommand(options.contentDir);
  const { csvPath, contentDir, partnership, dryRun } = options;
  if (isMeasuresHeader(parseCsv(firstLine(csvPath)).rows[0] ?? [])) return importMeasures({ csvPath, contentDir, partnership, dryRun });
  return importActions({ csvPath, contentDir, partnership, dryRun, today: options.date });
}

/** The file's first line, read from its first 64 kB only: enough for any header, and never the whole of a huge file. */
function firstLine(file: string): string {
  const bytes = Buffer.alloc(64 * 1024);
  let length = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      length = readSync(fd, bytes, 0, bytes.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The import itself reports a file it cannot read, in its own words.
  }
  return bytes.subarray(0, length).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}
