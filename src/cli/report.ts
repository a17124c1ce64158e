/**
 * `plan-publisher report` (`npm run report -- --year 2021-22 [options]`): writes a reporting
 * year's annual progress report as a PDF, printed by Chromium from the built site.
 */
import { defaultOutFolder } from '../config.ts';
import { formatProblem } from '../model/problems.ts';
import { isReportingYear } from '../model/years.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { stringOption } from './options.ts';

export interface ReportCommandOptions {
  year: string;
  partnership?: string;
  /** The PDF to write. */
  outFile: string;
  /** The built site. */
  distDir: string;
}

const usage = `Usage: npm run report -- --year 2021-22 [--partnership ID] [--out FILE.pdf] [--dist DIR]

Prints a reporting year's annual progress report to a PDF, from the site \`npm run build\` wrote.

  --year 2021-22     the reporting year
  --partnership ID   the partnership (its folder name), when ${defaultOutFolder}/ holds several
  --out FILE.pdf     where to write it (default: <partnership>-annual-report-<year>.pdf)
  --dist DIR         the built site (default: ${defaultOutFolder})
  --help             show this`;

export const reportCommand: Command<ReportCommandOptions> = {
  name: 'report',
  usage,
  options: { year: { type: 'string' }, partnership: { type: 'string' }, out: { type: 'string' }, dist: { type: 'string' } },
  parse: parseReportOptions,
  run: printAnnualReport,
};

function parseReportOptions(line: CommandLine): ReportCommandOptions {
  const year = stringOption(line, 'year');
  if (!year) throw new UsageError('say which reporting year, like: npm run report -- --year 2021-22');
  if (!isReportingYear(year)) throw new UsageError(`--year must be a reporting year like 2021-22, not "${year}"`);
  const partnership = stringOption(line, 'partnership');
  return {
    year,
    partnership,
    outFile: stringOption(line, 'out') ?? `${partnership ? `${partnership}-` : ''}annual-report-${year}.pdf`,
    distDir: stringOption(line, 'dist') ?? defaultOutFolder,
  };
}

export async function printAnnualReport(options: ReportCommandOptions): Promise<CommandOutcome> {
  // Loaded only now: printing needs Chromium's driver, which nothing else does.
  const { printReport } = await import('../report/print-report.ts');
  const result = await printReport(options);
  if (!result.ok) return { exitCode: 1, report: formatProblem({ file: 'report', message: result.message, hint: result.hint }) };
  return { exitCode: 0, report: `Wrote ${result.file} (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}).` };
}
