/**
 * `npm run report -- --year 2021-22 [--partnership ID] [--out FILE.pdf] [--dist DIR]`: writes a
 * reporting year's annual progress report as a PDF, printed by Chromium from the built site.
 */
import { parseCommandLine, runCommand, stringOption, UsageError } from '../src/authoring/cli.ts';
import { isReportingYear } from '../src/model/years.ts';
import { formatProblem } from '../src/model/problems.ts';
import { printReport } from '../src/report/print-report.ts';

const usage = `Usage: npm run report -- --year 2021-22 [--partnership ID] [--out FILE.pdf] [--dist DIR]

Prints a reporting year's annual progress report to a PDF, from the site \`npm run build\` wrote.

  --year 2021-22     the reporting year
  --partnership ID   the partnership (its folder name), when dist/ holds several
  --out FILE.pdf     where to write it (default: <partnership>-annual-report-<year>.pdf)
  --dist DIR         the built site (default: dist)`;

await runCommand(usage, async () => {
  const line = parseCommandLine(process.argv.slice(2), {
    year: { type: 'string' },
    partnership: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (line.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const year = stringOption(line, 'year');
  if (!year) throw new UsageError('say which reporting year, like: npm run report -- --year 2021-22');
  if (!isReportingYear(year)) throw new UsageError(`--year must be a reporting year like 2021-22, not "${year}"`);
  const partnership = stringOption(line, 'partnership');
  const outFile = stringOption(line, 'out') ?? `${partnership ? `${partnership}-` : ''}annual-report-${year}.pdf`;
  const result = await printReport({ distDir: stringOption(line, 'dist') ?? 'dist', partnership, year, outFile });
  if (!result.ok) return { exitCode: 1, report: formatProblem({ file: 'report', message: result.message, hint: result.hint }) };
  return { exitCode: 0, report: `Wrote ${result.file} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}).` };
});
