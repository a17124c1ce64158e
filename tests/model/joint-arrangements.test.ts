/**
 * Joint arrangements in the model: a joint arrangement's folder is the shared home of plans its
 * owners publish; reporting years are periods, one per site whatever the number of plans; two
 * files of one id from different folders on one site are warned about.
 */
import { describe, expect, it } from 'vitest';
import { contentWarnings } from '../../src/model/warnings.ts';
import { checkTree, md, validTree, type Tree } from '../helpers/content-tree.ts';

/** Two partnerships, each with its own plan, sharing a third plan kept in a joint arrangement's folder. */
function jointTree(): Tree {
  return {
    ...validTree('north'),
    ...validTree('south'),
    'vale/partnership.md': md`
      ---
      name: Vale Safeguarding Arrangement
      shortName: Vale
      area: North and South
      kind: joint-arrangement
      ---
    `,
    'vale/plans/shared-priorities.md': md`
      ---
      title: Shared Priorities 2020-23
      period: 2020-2023
      owners: [north, south]
      ---
    `,
    'vale/priorities/exploitation.md': md`
      ---
      title: Exploitation
      order: 1
      plan: shared-priorities
      ---
    `,
    'vale/actions/screening-tool.md': md`
      ---
      title: Agree one screening tool
      order: 1
      priority: exploitation
      years: [2021-22]
      status: complete
      ---
    `,
  };
}

describe('a joint arrangement', () => {
  it("publishes its plan on each owner's site, after the owner's own, and has no site of its own", () => {
    const { problems, result } = checkTree(jointTree(), { today: '2022-01-01' });
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(result.index.sites.map((s) => s.id).sort()).toEqual(['north', 'south']);
    for (const id of ['north', 'south']) {
      const site = result.index.site(id)!;
      expect(site.plans.map((p) => p.id)).toEqual(['business-plan-2020-23', 'shared-priorities']);
      expect(site.currentPlan?.id).toBe('business-plan-2020-23');
    }
  });

  it('gives each site one year per period, with every plan that runs in it', () => {
    const { result } = checkTree(jointTree(), { today: '2022-01-01' });
    const north = result.index.site('north')!;
    expect(north.years.map((y) => [y.id, y.plans.map((p) => p.id), y.entry?.file.replace(/^.*content\//, '')])).toEqual([
      ['2020-21', ['business-plan-2020-23', 'shared-priorities'], 'north/years/2020-21.md'],
      ['2021-22', ['business-plan-2020-23', 'shared-priorities'], 'north/years/2021-22.md'],
      ['2022-23', ['business-plan-2020-23', 'shared-priorities'], undefined],
    ]);
    expect(north.years[1].items.map((i) => i.id)).toEqual(['screening-tool']);
  });

  it('refuses a plan of a joint arrangement that names fewer than two owners', () => {
    const tree = jointTree();
    tree['vale/plans/shared-priorities.md'] = tree['vale/plans/shared-priorities.md'].replace('owners: [north, south]', 'owners: [north]');
    const { problems } = checkTree(tree);
    expect(problems.map((p) => p.message)).toContain(
      'a plan of a joint arrangement names the partnerships that share it: owners: lists only one',
    );
  });
});

describe('one id, two folders, one site', () => {
  it("warns on both files when a partnership's own action has the id of a shared plan's", () => {
    const tree = jointTree();
    tree['north/actions/screening-tool.md'] = md`
      ---
      title: Pilot a screening tool
      order: 2
      objective: understand-neglect
      ---
    `;
    const { result } = checkTree(tree, { today: '2022-01-01' });
    const warned = contentWarnings(result.index).filter((w) => w.message.includes('have the same id'));
    expect(warned.map((w) => w.file.replace(/^.*content\//, '')).sort()).toEqual([
      'north/actions/screening-tool.md',
      'vale/actions/screening-tool.md',
    ]);
    expect(warned[0].message).toMatch(
      /^on north's site, this action and .* have the same id "screening-tool", so its page there is at \.\.\.\/[a-z-]+-screening-tool\/, not \.\.\.\/screening-tool\/$/,
    );
  });
});
