/**
 * `npm run import -- FILE.csv [--dry-run] [--partnership ID] [--content DIR]`: writes the
 * status, RAG and latest update columns of an edited actions.csv back into the action files.
 * All or nothing: any problem with any row, and no file is changed. `--recover` only undoes an
 * import that stopped part-way. See content/README.md.
 */
import { parseCommandLine, runCommand, stringOption, UsageError } from '../src/authoring/cli.ts';
import { closeSync, openSync, readSync } from 'node:fs';
import { importActions } from '../src/authoring/import.ts';
import { recoverCommand } from '../src/authoring/import-recovery.ts';
import { importMeasures, isMeasuresHeader } from '../src/authoring/import-measures.ts';
import { parseCsv } from '../src/open-data/csv.ts';
import { contentDir } from '../src/config.ts';
import { isoDate } from '../schemas/index.ts';

const usage = `Usage: npm run import -- FILE.csv [--dry-run] [--partnership ID] [--content DIR]
       npm run import -- --recover [--content DIR]

Reads a copy of your site's actions.csv (Open data page, /<partnership>/data/actions.csv)
after you have edited its status, rag and last_update_* columns, and writes those changes
into the action files. Other columns are not imported.

Given a copy of measures.csv (/<partnership>/data/measures.csv) with rows added for new
values, it adds those values to the measure files.

  --dry-run          show what would change, and change nothing
  --date YYYY-MM-DD  the date for the progress update a status change records (default: today)
  --partnership ID   the partnership the rows belong to (default: from each row's url)
  --content DIR      the content folder (default: content)
  --recover          put back the files an import that stopped part-way had changed, and do nothing else`;

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

await runCommand(usage, () => {
  const line = parseCommandLine(process.argv.slice(2), {
    content: { type: 'string' },
    partnership: { type: 'string' },
    'dry-run': { type: 'boolean' },
    date: { type: 'string' },
    recover: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  const date = stringOption(line, 'date');
  if (date !== undefined && !isoDate.safeParse(date).success) throw new UsageError(`--date must be a date like 2021-09-30, not "${date}"`);
  if (line.values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (line.values.recover) {
    if (line.positionals.length > 0)
      throw new UsageError('--recover only puts files back: run it without a CSV file, then import the file');
    return recoverCommand(contentDir(process.argv.slice(2)));
  }
  if (line.positionals.length !== 1) {
    throw new UsageError(
      line.positionals.length === 0
        ? 'say which CSV file to import, like: npm run import -- actions.csv'
        : `give one CSV file, not ${line.positionals.length}`,
    );
  }
  const csvPath = line.positionals[0];
  if (isMeasuresHeader(parseCsv(firstLine(csvPath)).rows[0] ?? [])) {
    return importMeasures({
      csvPath,
      contentDir: contentDir(process.argv.slice(2)),
      partnership: stringOption(line, 'partnership'),
      dryRun: line.values['dry-run'] === true,
    });
  }
  const result = importActions({
    csvPath: line.positionals[0],
    contentDir: contentDir(process.argv.slice(2)),
    partnership: stringOption(line, 'partnership'),
    dryRun: line.values['dry-run'] === true,
    today: date,
  });
  return result;
});
