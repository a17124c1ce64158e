import { visible } from './terminal-text.ts';

/** A problem found in the content, said the way a business manager can act on it. */
export interface Problem {
  /** The file, relative to where the command was run. */
  file: string;
  /** The line the problem is on, where it can be found. */
  line?: number;
  /** The field, as a path like `progress[1].date`. */
  field?: string;
  /** What is wrong: what was expected and what was found. */
  message: string;
  /** What to do about it, where there is something to suggest. */
  hint?: string;
  /** Warnings do not fail a check; errors do. */
  severity?: 'error' | 'warning';
}

/**
 * One problem as two or three lines: `file:line`, `field: message`, then `hint: ...`. Every
 * part may quote a file name or a value, so control characters are shown escaped.
 */
export function formatProblem(problem: Problem): string {
  const where = visible(problem.line ? `${problem.file}:${problem.line}` : problem.file);
  const field = problem.field ? `${visible(problem.field)}: ` : '';
  const label = problem.severity === 'warning' ? 'warning' : 'error';
  const hint = problem.hint ? `\n    hint: ${visible(problem.hint)}` : '';
  return `${label} ${where}\n    ${field}${visible(problem.message)}${hint}`;
}

/** How a check prints its problems: for a person at a terminal, or as GitHub's annotation lines. */
export type ProblemFormat = 'terminal' | 'github';

/**
 * One problem as a GitHub workflow command (`::error file=...,line=...,title=...::message`), which
 * GitHub shows on the file's line in a pull request. A newline in a value would start a command
 * of the author's choosing, so values are escaped the way GitHub's own toolkit does: `%`, `\r`,
 * `\n` in the message, and `,` `:` as well in a property. Other control characters are shown
 * escaped, as in the terminal.
 */
export function formatAnnotation(problem: Problem): string {
  const command = problem.severity === 'warning' ? 'warning' : 'error';
  const properties = [`file=${escapeProperty(visible(problem.file))}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  properties.push(`title=${escapeProperty(problem.field ? visible(problem.field) : 'Plan check')}`);
  const hint = problem.hint ? `\nhint: ${visible(problem.hint)}` : '';
  const field = problem.field ? `${visible(problem.field)}: ` : '';
  return `::${command} ${properties.join(',')}::${escapeData(`${field}${visible(problem.message)}${hint}`)}`;
}

/** A problem in the chosen format. */
export function formatProblemAs(format: ProblemFormat): (problem: Problem) => string {
  return format === 'github' ? formatAnnotation : formatProblem;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
