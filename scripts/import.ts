/**
 * `npm run import -- FILE.csv [--dry-run] [--partnership ID] [--content DIR]`: writes the
 * status, RAG and latest update columns of an edited actions.csv back into the action files.
 * All or nothing: any problem with any row, and no file is changed. See content/README.md.
 */
import { parseCommandLine, runCommand, stringOption, UsageError } from '../src/authoring/cli.ts';
import { readFileSync } from 'node:fs';
import { importActions } from '../src/authoring/import.ts';
import { importMeasures, isMeasuresHeader } from '../src/authoring/import-measures.ts';
import { parseCsv } from '../src/open-data/csv.ts';
import { contentDir } from '../src/config.ts';
import { isoDate } from '../schemas/index.ts';

const usage = `Usage: npm run import -- FILE.csv [--dry-run] [--partnership ID] [--content DIR]

Reads a copy of your site's actions.csv (Open data page, /<partnership>/data/actions.csv)
after you have edited its status, rag and last_update_* columns, and writes those changes
into the action files. Other columns are not imported.

Given a copy of measures.csv (/<partnership>/data/measures.csv) with rows added for new
values, it adds those values to the measure files.

  --dry-run          show what would change, and change nothing
  --date YYYY-MM-DD  the date for the progress update a status change records (default: today)
  --partnership ID   the partnership the rows belong to (default: from each row's url)
  --content DIR      the content folder (default: content)`;

await runCommand(usage, () => {
  const line = parseCommandLine(process.argv.slice(2), {
    content: { type: 'string' },
    partnership: { type: 'string' },
    'dry-run': { type: 'boolean' },
    date: { type: 'string' },
    help: { type: 'boolean' },
  });
  const date = stringOption(line, 'date');
  if (date !== undefined && !isoDate.safeParse(date).success) throw new UsageError(`--date must be a date like 2021-09-30, not "${date}"`);
  if (line.values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (line.positionals.length !== 1) {
    throw new UsageError(
      line.positionals.length === 0
        ? 'say which CSV file to import, like: npm run import -- actions.csv'
        : `give one CSV file, not ${line.positionals.length}`,
    );
  }
  const csvPath = line.positionals[0];
  let firstRow: string[] = [];
  try {
    firstRow = parseCsv(readFileSync(csvPath, 'utf8').split(/\r?\n/, 1)[0] ?? '').rows[0] ?? [];
  } catch {
    // The import itself reports a file it cannot read, in its own words.
  }
  if (isMeasuresHeader(firstRow)) {
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
