/**
 * What `npm run check` prints: every error, then every warning, then a count. Errors fail
 * the check (exit 1); warnings do not. Kept apart from the script so watch mode and the
 * tests produce exactly the same report.
 */
import { checkContent, summarise } from '../model/check.ts';
import { formatProblemAs, type Problem, type ProblemFormat } from '../model/problems.ts';
import { contentWarnings } from '../model/warnings.ts';
import { yearlyReportWarnings } from '../model/report-warnings.ts';

export interface CheckReport {
  errors: Problem[];
  warnings: Problem[];
  /** The summary and counts, for standard output. */
  stdout: string;
  /** Every problem and, on failure, the count, for standard error. */
  stderr: string;
  exitCode: 0 | 1;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The check's report. With `format: 'github'` each problem is a GitHub annotation line, so a pull
 * request shows it on the file's line; the counts and summary read the same either way.
 */
export function checkReport(contentDir: string, options: { today?: string; format?: ProblemFormat } = {}): CheckReport {
  const result = checkContent(contentDir, { today: options.today });
  const errors = result.problems.filter((p) => p.severity !== 'warning');
  const warnings = [
    ...result.problems.filter((p) => p.severity === 'warning'),
    ...contentWarnings(result.index, { filesWithErrors: errors.map((e) => e.file) }),
    ...yearlyReportWarnings(
      result.index,
      errors.map((e) => e.file),
    ),
  ];
  const listed = [...errors, ...warnings].map(formatProblemAs(options.format ?? 'terminal'));
  if (errors.length > 0) {
    const counts =
      warnings.length > 0
        ? `${plural(errors.length, 'error', 'errors')}, ${plural(warnings.length, 'warning', 'warnings')}`
        : plural(errors.length, 'error', 'errors');
    listed.push(
      `\n${counts} found. Nothing was built; fix the ${warnings.length > 0 ? 'errors' : 'files'} above and run \`npm run check\` again.`,
    );
    return { errors, warnings, stdout: '', stderr: `${listed.join('\n')}\n`, exitCode: 1 };
  }
  const stdout = [summarise(result)];
  if (warnings.length > 0)
    stdout.push(
      `0 errors, ${plural(warnings.length, 'warning', 'warnings')}: the site can be built, but the warnings above are worth a look.`,
    );
  return { errors, warnings, stdout: `${stdout.join('\n')}\n`, stderr: listed.length > 0 ? `${listed.join('\n')}\n` : '', exitCode: 0 };
}
