/**
 * The words for a plan's levels, as its readers meet them: always the plan's own names (its
 * "Strategic Objective"), never a word of ours ("lines of work", "headings") in their place, and
 * where one list holds items its parts name differently, every name it holds ("Strategic
 * Objective or Strategic Activity"), so no item is called by another level's name.
 */
import type { ItemNode, Level, LevelCount, LevelName, PartnershipNode, PlanNode } from '../model/graph/nodes.ts';
import { countByName, levelName } from '../model/labels.ts';
import { count, listWords } from './wording.ts';

/** One name for several: "Strategic Objective or Strategic Activity", "Strategic Objectives and Strategic Activities". */
function joined(names: readonly LevelName[]): LevelName | undefined {
  const distinct = names.filter((n, i) => names.findIndex((m) => m.singular === n.singular) === i);
  if (distinct.length === 0) return undefined;
  if (distinct.length === 1) return distinct[0];
  const singulars = distinct.map((n) => n.singular);
  return {
    singular: `${singulars.slice(0, -1).join(', ')} or ${singulars.at(-1)}`,
    plural: listWords(distinct.map((n) => n.plural)),
  };
}

/** The name of a list's items, in their plan's words: their one level name, or each of theirs. */
export function wordsFor(items: readonly ItemNode[], level: Level): LevelName {
  return joined(items.map((i) => i.label)) ?? levelName(level);
}

/** A partnership's word for its actions in running text, "strategic objectives" or "actions": for what answers a review. */
export function actionWordsOf(partnership: PartnershipNode): LevelName {
  const { singular, plural } = wordsFor(partnership.actions, 'action');
  return { singular: singular.toLowerCase(), plural: plural.toLowerCase() };
}

/** How many items a list holds, by the name of each level, in lower case: "1 priority and 4 strategic objectives". */
export function countItems(items: readonly ItemNode[], none: Level = 'action'): string {
  const levels: Level[] = ['priority', 'objective', 'action'];
  const counts = countByName(levels.flatMap((level) => items.filter((i) => i.kind === level)));
  if (counts.length === 0) return count(0, levelName(none).singular.toLowerCase(), levelName(none).plural.toLowerCase());
  return listWords(counts.map((c) => count(c.count, c.name.singular.toLowerCase(), c.name.plural.toLowerCase())));
}

/** The name of one level of a plan, in its words: "Priorities and Core Business areas" for a top level two parts name apart. */
export function planLevelWords(plan: PlanNode | undefined, level: Level): LevelName {
  return joined(plan?.facts.levels.filter((l) => l.level === level).map((l) => l.name) ?? []) ?? levelName(level);
}

/** "3 Priorities and 7 Core Business areas": a level's count under each of its names. */
function counted(levels: readonly LevelCount[]): string {
  return listWords(levels.map((l) => count(l.count, l.name.singular, l.name.plural)));
}

/** What a plan holds, in its words: "37 Strategic Objectives under 5 Priorities and 7 Core Business areas". */
export function planSize(plan: PlanNode): string {
  const { levels } = plan.facts;
  const actions = levels.filter((l) => l.level === 'action');
  const tops = levels.filter((l) => l.level === 'priority');
  const work =
    actions.length > 0 ? counted(actions) : count(0, planLevelWords(plan, 'action').singular, planLevelWords(plan, 'action').plural);
  return tops.length > 0 ? `${work} under ${counted(tops)}` : work;
}

/**
 * How a plan is organised, naming each of its levels in its words and saying in plain English
 * what each is: "Its main areas of work are its Priorities and Core Business areas. The work to
 * be done under them is set out as Strategic Objectives."
 */
export function planOrganisation(plan: PlanNode): string {
  const names = (level: Level) => plan.facts.levels.filter((l) => l.level === level).map((l) => l.name.plural);
  const [tops, objectives, actions] = [names('priority'), names('objective'), names('action')];
  if (tops.length === 0) return 'The plan has no main areas of work yet.';
  const main = `Its main areas of work are its ${listWords(tops)}.`;
  const aims = `Under them, its ${listWords(objectives)} say what it aims to achieve`;
  if (objectives.length > 0 && actions.length > 0) return `${main} ${aims}, and the work to be done is set out as ${listWords(actions)}.`;
  if (objectives.length > 0) return `${main} ${aims}.`;
  if (actions.length > 0) return `${main} The work to be done under them is set out as ${listWords(actions)}.`;
  return main;
}

/** How the whole plan's page goes through it: "priority by priority", or "part by part" where its parts name their top level apart. */
export function oneByOne(plan: PlanNode): string {
  if (plan.facts.levels.filter((l) => l.level === 'priority').length > 1) return 'part by part';
  const top = planLevelWords(plan, 'priority').singular.toLowerCase();
  return `${top} by ${top}`;
}

const generic: Record<Level, string> = { priority: 'a priority', objective: 'an objective', action: 'an action' };

/**
 * What the general words of a rule ("an action", "a priority") mean in a plan that names its
 * levels otherwise: "In this plan, a priority is one of its Priorities or Core Business areas,
 * and an action is one of its Strategic Objectives." Undefined where the plan uses the general words.
 */
export function ruleWordsIn(plan: PlanNode | undefined, named = 'this plan'): string | undefined {
  if (!plan) return undefined;
  const meanings = (['priority', 'objective', 'action'] as const).flatMap((level) => {
    const names = plan.facts.levels.filter((l) => l.level === level).map((l) => l.name);
    if (names.every((n) => n.singular === levelName(level).singular)) return [];
    const plurals = names.map((n) => n.plural);
    const either = plurals.length === 1 ? plurals[0] : `${plurals.slice(0, -1).join(', ')} or ${plurals.at(-1)}`;
    return [`${generic[level]} is one of its ${either}`];
  });
  // "…or Core Business areas, and an action is…": the comma keeps the two meanings apart.
  return meanings.length ? `In ${named}, ${meanings.join(', and ')}.` : undefined;
}

/** The same for every plan of a year, each named where there are several. */
export function ruleWordsInYear(plans: readonly PlanNode[]): string[] {
  return plans.flatMap((p) => ruleWordsIn(p, plans.length > 1 ? `the ${p.entry.data.title}` : 'this plan') ?? []);
}
