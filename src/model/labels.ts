/** The words for each level of a plan: the partnership's own, per part where a part differs. */
import type { LevelLabels, ReviewKind } from '../../schemas/index.ts';

export type Level = 'priority' | 'objective' | 'action';

export interface LevelName {
  singular: string;
  plural: string;
}

const defaults: Record<Level, LevelName> = {
  priority: { singular: 'Priority', plural: 'Priorities' },
  objective: { singular: 'Objective', plural: 'Objectives' },
  action: { singular: 'Action', plural: 'Actions' },
};

/** One level of a plan, by the name its items carry, and how many items have it. */
export interface LevelCount {
  level: Level;
  name: LevelName;
  count: number;
}

/** Items counted by their level and its name, in the order first met: one entry per level and name. */
export function countByName(items: ReadonlyArray<{ kind: Level; label: LevelName }>): LevelCount[] {
  const counts: LevelCount[] = [];
  for (const item of items) {
    const same = counts.find((c) => c.level === item.kind && c.name.singular === item.label.singular);
    if (same) same.count += 1;
    else counts.push({ level: item.kind, name: item.label, count: 1 });
  }
  return counts;
}

/** An English plural for a level's name the author gave no plural for: "Strategic Priority" -> "Strategic Priorities". */
export function pluralOf(singular: string): string {
  if (/[^aeiou]y$/i.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

/** The name of a level: the part's word first, then the partnership's, then the plain default. */
export function levelName(level: Level, ...layers: Array<LevelLabels | undefined>): LevelName {
  for (const layer of layers) {
    const label = layer?.[level];
    if (label) return { singular: label.singular, plural: label.plural ?? pluralOf(label.singular) };
  }
  return defaults[level];
}

/** Each kind of review in the words a reader knows it by. */
export const reviewKindNames: Record<ReviewKind, string> = {
  'local-cspr': 'Local child safeguarding practice review',
  'national-review': 'National child safeguarding practice review',
  'rapid-review': 'Rapid review',
  'learning-review': 'Learning review',
  other: 'Review',
};
