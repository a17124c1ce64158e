/**
 * The authoring tools read content through the validator's own stages (parse, validate,
 * index), so a reference they accept is one the check and the site accept too.
 */
import path from 'node:path';
import type { ContentType } from '../../schemas/index.ts';
import { formatProblems } from '../model/content-format.ts';
import { loadContent, parseSource, type LoadResult, type SourceFile } from '../model/load.ts';
import type { PlanIndex } from '../model/graph/nodes.ts';
import { resolvePlan } from '../model/resolved-plan.ts';
import type { Problem } from '../model/problems.ts';
import { validateFiles } from '../model/validate.ts';

export interface ReadContent {
  loaded: LoadResult;
  index: PlanIndex;
  /** Every problem, as `npm run check` reports them. */
  problems: Problem[];
}

/** Parses, validates and indexes the content, like `checkContent`, keeping the parsed files. */
export function readContent(contentDir: string): ReadContent {
  const loaded = loadContent(contentDir);
  const validated = validateFiles(loaded.files);
  const indexed = resolvePlan(validated.entries);
  return {
    loaded,
    index: indexed.index,
    problems: [...loaded.problems, ...formatProblems(loaded.files), ...validated.problems, ...indexed.problems],
  };
}

/** A path as the check prints it: relative to the working folder, with "/". */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return (relative.startsWith('..') ? absolutePath : relative).split(path.sep).join('/');
}

export interface Candidate {
  type: ContentType;
  partnership: string;
  id: string;
  absolutePath: string;
  text: string;
}

/**
 * The problems a file would have if it were added to the content, found by running the real
 * stages over the content plus the candidate, without writing anything.
 */
export function checkCandidate(contentDir: string, candidate: Candidate): Problem[] {
  const loaded = loadContent(contentDir);
  const file = displayPath(candidate.absolutePath);
  const parsed = parseSource(candidate.text);
  if (parsed.error || !parsed.data) {
    return [{ file, line: parsed.error?.line, message: parsed.error?.message ?? 'unreadable', hint: parsed.error?.hint }];
  }
  const source: SourceFile = {
    type: candidate.type,
    partnership: candidate.partnership,
    id: candidate.id,
    absolutePath: candidate.absolutePath,
    displayPath: file,
    data: parsed.data,
    body: parsed.body,
    frontmatterLines: parsed.frontmatterLines,
    frontmatterStart: 2,
    bodyStart: parsed.frontmatterLines.length + 2,
  };
  const validated = validateFiles([...loaded.files, source]);
  const { problems } = resolvePlan(validated.entries);
  return [...validated.problems, ...problems].filter((problem) => problem.file === file);
}
