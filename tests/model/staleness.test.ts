import { describe, expect, it } from 'vitest';
import type { ActionNode } from '../../src/model/graph/nodes.ts';
import { monthsBefore, staleness as judge } from '../../src/model/resolve/staleness.ts';
import { md, checkTree, validTree } from '../helpers/content-tree.ts';

/** The one action of a small tree, with the given years, status and update dates. */
function action(years: string[], status: string, updates: string[]) {
  const progress = updates.length ? `progress:\n${updates.map((d) => `  - date: ${d}\n    text: Update.`).join('\n')}\n` : '';
  const tree = {
    ...validTree(),
    'hampshire/years/2022-23.md': md`
      ---
      plan: business-plan-2020-23
      ---
    `,
    'hampshire/actions/deliver-training.md': `---\ntitle: Deliver training\norder: 1\nobjective: understand-neglect\nyears: [${years.join(', ')}]\nstatus: ${status}\n${progress}---\n`,
  };
  const { result, problems } = checkTree(tree);
  expect(problems).toEqual([]);
  return result.index.partnership('hampshire')!.actions[0];
}

/** The rule applied to an action with the status the resolved plan gives it, on a build date. */
const staleness = (a: ActionNode, buildDate: string, months?: number) => judge(a, a.facts.status, buildDate, months);

describe('"no recent update"', () => {
  it('counts calendar months back, clamping to the end of a short month', () => {
    expect(monthsBefore('2021-09-30', 6)).toBe('2021-03-30');
    expect(monthsBefore('2021-08-31', 6)).toBe('2021-02-28');
    expect(monthsBefore('2021-03-31', 12)).toBe('2020-03-31');
  });

  it('flags open work whose latest update is more than six months before the build date', () => {
    const a = action(['2021-22'], 'in-progress', ['2021-05-01']);
    expect(staleness(a, '2021-11-02').stale).toBe(true);
    expect(staleness(a, '2021-10-31').stale).toBe(false);
  });

  it('judges a finished year as it stood at its end, not at the build date', () => {
    const a = action(['2020-21'], 'in-progress', ['2020-12-01']);
    const result = staleness(a, '2026-11-23');
    expect(result.asOf).toBe('2021-03-31');
    expect(result.stale).toBe(false);
    expect(staleness(action(['2020-21'], 'in-progress', ['2020-09-01']), '2026-11-23').stale).toBe(true);
  });

  it('measures work with no update from the start of its first reporting year', () => {
    expect(staleness(action(['2021-22'], 'not-started', []), '2021-09-30').stale).toBe(false);
    expect(staleness(action(['2021-22'], 'not-started', []), '2021-10-02').stale).toBe(true);
  });

  it('never flags complete or cancelled work, or work whose year has not begun', () => {
    expect(staleness(action(['2020-21'], 'complete', []), '2026-11-23').stale).toBe(false);
    expect(staleness(action(['2020-21'], 'cancelled', []), '2026-11-23').stale).toBe(false);
    expect(staleness(action(['2022-23'], 'not-started', []), '2021-11-23').stale).toBe(false);
  });

  it('takes a shorter period when the partnership sets one', () => {
    const a = action(['2021-22'], 'in-progress', ['2021-09-01']);
    expect(staleness(a, '2021-11-02', 2).stale).toBe(true);
    expect(staleness(a, '2021-11-02').stale).toBe(false);
  });
});
