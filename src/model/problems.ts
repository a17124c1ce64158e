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
