/** Plans: who owns each (the owners get sites), and which plan replaced which. */
import { GraphContext } from './context.ts';

export function linkOwners(context: GraphContext): void {
  for (const plan of GraphContext.all(context.plans)) {
    for (const body of context.resolveBodies(plan.entry, plan.entry.data.owners, 'owners')) {
      const node = context.partnerships.get(body.id);
      if (node && !plan.owners.includes(node)) plan.owners.push(node);
    }
    if (plan.partnership.entry.data.kind === 'joint-arrangement' && plan.entry.data.owners.length < 2) {
      context.report(
        plan.entry,
        ['owners'],
        `a plan of a joint arrangement names the partnerships that share it: owners: lists ${plan.entry.data.owners.length === 0 ? 'none' : 'only one'}`,
        `list every partnership (and board) that shares the plan, by its folder name, like owners: [luton, bedford-borough, central-bedfordshire]`,
      );
    }
    for (const owner of plan.owners) owner.hasSite = true;
  }
}

export function linkSuccessors(context: GraphContext): void {
  for (const plan of GraphContext.all(context.plans)) {
    if (!plan.entry.data.successor) continue;
    const successor = context.find(context.plans, 'plan', plan.entry, ['successor'], plan.entry.data.successor);
    if (successor === plan)
      context.report(plan.entry, ['successor'], 'a plan cannot be its own successor', 'name the plan that replaced it');
    else if (successor) {
      plan.successor = successor;
      successor.predecessor = plan;
    }
  }
}
