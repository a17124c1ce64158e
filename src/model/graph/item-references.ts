/**
 * What every level of a plan may name, linked for one item: the bodies it is joint work with, its
 * accountable groups, its reporting years (of its own plan), its strands, the measures that
 * evidence it, and its rating on its plan's scale.
 */
import { defaultRatingScale, type RatingScale } from '../../../schemas/values/rating.ts';
import { didYouMean } from '../suggest.ts';
import { GraphContext, type FieldPath } from './context.ts';
import type { ItemNode, PartnershipNode, PlanNode } from './nodes.ts';
import { yearOfPlan } from './link-years.ts';
import { linkServes, outcomeNumber } from './link-outcomes.ts';
import { periodText } from '../../../schemas/values/dates.ts';

export function linkItemReferences(context: GraphContext, node: ItemNode): void {
  node.joint = context.resolveBodies(node.entry, node.entry.data.joint, 'joint');
  linkGroups(context, node);
  node.entry.data.years.forEach((ref, index) => linkYear(context, node, ref, ['years', index]));
  linkStrands(context, node);
  linkMeasures(context, node);
  linkServes(context, node);
  linkRatings(context, node);
}

function linkGroups(context: GraphContext, node: ItemNode): void {
  const data = node.entry.data;
  data.groups.forEach((ref, index) => {
    const group = context.resolveGroup(node.entry, ['groups', index], ref, data.joint);
    if (group && !node.groups.includes(group)) {
      node.groups.push(group);
      group.items.push(node);
    }
  });
}

function linkYear(context: GraphContext, node: ItemNode, ref: string, field: FieldPath): void {
  const plan = node.plan;
  if (!plan) return; // an item outside any plan has its own error: it belongs to nothing
  if (plan.entry.data.years === 'none') {
    context.report(node.entry, field, `the plan "${plan.id}" says it has no reporting years (years: none)`, 'remove years: from this file');
    return;
  }
  const year = yearOfPlan(context, plan, ref);
  if (!year) {
    reportYearOutsidePlan(context, node, plan, ref, field);
    return;
  }
  if (!node.years.includes(year)) {
    node.years.push(year);
    year.items.push(node);
  }
}

/** A year outside the item's plan's period. */
function reportYearOutsidePlan(context: GraphContext, node: ItemNode, plan: PlanNode, ref: string, field: FieldPath): void {
  // No "did you mean": years a digit apart are different years, and the hint lists them all.
  context.report(
    node.entry,
    field,
    `reporting year "${ref}" is not in the period of its plan "${plan.id}" (${periodText(plan.entry.data.period)})`,
    `the plan spans ${plan.yearIds.join(', ') || 'no reporting years'}`,
  );
}

/** Strands and ratings are the home partnership's words, or the plan's owner's for a shared plan. */
function wordsOf(node: ItemNode): PartnershipNode[] {
  return [...new Set([node.partnership, node.plan?.partnership])].filter((p): p is PartnershipNode => p !== undefined);
}

function linkStrands(context: GraphContext, node: ItemNode): void {
  const homes = wordsOf(node);
  node.entry.data.strands.forEach((id, index) => {
    const strand = homes.map((p) => context.strands.get(p)?.get(id)).find(Boolean);
    if (strand) {
      if (!node.strands.includes(strand)) {
        node.strands.push(strand);
        strand.items.push(node);
      }
      return;
    }
    const declared = homes.flatMap((p) => p.strands.map((s) => s.id));
    const suggestion = didYouMean(id, declared);
    const file = `${context.contentPrefix(node.entry)}${node.partnership.id}/partnership.md`;
    context.report(
      node.entry,
      ['strands', index],
      `unknown strand "${id}"${suggestion ? `; ${suggestion}` : ''}`,
      declared.length
        ? `the strands declared in ${file} are ${declared.join(', ')}`
        : `declare it under strands: in ${file}, with an id and a name`,
    );
  });
}

function linkMeasures(context: GraphContext, node: ItemNode): void {
  const data = node.entry.data;
  data.measures.forEach((cited, index) => {
    if (!('measure' in cited)) return;
    const field = ['measures', index, 'measure'];
    const measure = context.find(context.measures, 'measure', node.entry, field, cited.measure);
    if (!measure) return;
    if (measure.plan && node.plan && measure.plan !== node.plan) {
      context.report(
        node.entry,
        field,
        `the measure "${cited.measure}" belongs to the plan "${measure.plan.id}", not to this item's plan "${node.plan.id}"`,
        `a measure evidences items of its own plan: change plan: in ${measure.entry.file}, or cite another measure`,
      );
      return;
    }
    const number =
      cited.outcome === undefined ? undefined : outcomeNumber(context, node, node, cited.outcome, ['measures', index, 'outcome']);
    if (cited.outcome !== undefined && number === undefined) return;
    if (node.measureLinks.some((link) => link.measure === measure && link.outcome === number)) return;
    const outcome = number === undefined ? {} : { outcome: number };
    node.measureLinks.push({ measure, ...outcome });
    measure.evidences.push({ item: node, ...outcome });
  });
}

/** The rating scale an item is rated on: that of the partnership whose plan it is. */
export function scaleOf(node: ItemNode): RatingScale {
  return (node.plan?.partnership ?? node.partnership).ratingScale;
}

/** The item's rating and every update's, each on the scale of the partnership whose plan it is. */
function linkRatings(context: GraphContext, node: ItemNode): void {
  const data = node.entry.data;
  const scale = scaleOf(node);
  const ids = scale.levels.map((l) => l.id);
  const unknown = (rag: string, field: FieldPath, hint: string) => {
    const suggestion = didYouMean(rag, ids);
    context.report(node.entry, field, `unknown rating "${rag}"${suggestion ? `; ${suggestion}` : ''}`, hint);
  };
  if (data.rag) {
    const level = scale.levels.find((l) => l.id === data.rag);
    if (level) node.rating = { ...level, scale: scale.name };
    else {
      const own = scale === defaultRatingScale ? '; a partnership can declare its own under ratingScale: in partnership.md' : '';
      unknown(data.rag, ['rag'], `the ${scale.name} scale has ${ids.join(', ')}${own}`);
    }
  }
  data.progress.forEach((update, index) => {
    if (update.rag && !ids.includes(update.rag))
      unknown(update.rag, ['progress', index, 'rag'], `the ${scale.name} scale has ${ids.join(', ')}`);
  });
}
