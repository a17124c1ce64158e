/**
 * Synthetic content for the benchmarks: a realistic mix of partnerships, plans, reporting
 * years, groups, priorities, objectives and mostly actions with groups, years, progress
 * updates and Markdown bodies. Seeded, so every run writes the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded generator, so every run benchmarks the same files. */
let seed = 20200401;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const some = <T>(list: readonly T[], min: number, max: number): T[] => {
  const count = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: count }, () => pick(list)))];
};

const words = (
  'safeguarding children partnership neglect exploitation adolescents training multi-agency practice ' +
  'learning review audit assurance strategy toolkit families schools health police social care voice ' +
  'young people thresholds early help referrals domestic abuse mental health wellbeing evaluation'
).split(' ');
const sentence = (min: number, max: number) => {
  const text = some(words, min, max).join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};
const statuses = ['not-started', 'in-progress', 'delayed', 'complete', 'ongoing'] as const;
const rags = ['red', 'amber', 'green'] as const;
const groupKinds = ['board', 'executive', 'sub-group', 'task-and-finish-group', 'forum', 'role'] as const;
const years = ['2020-21', '2021-22', '2022-23'] as const;
const yaml = (value: string) => JSON.stringify(value); // a JSON string is a valid YAML scalar

function body(): string {
  const parts = [sentence(8, 16), `- ${sentence(3, 6)}\n- ${sentence(3, 6)}\n- **${pick(words)}** ${sentence(2, 5)}`];
  if (random() < 0.4) parts.push(`See [the ${pick(words)} guidance](https://example.org/${pick(words)}).`);
  if (random() < 0.2) parts.push(`| Measure | Target |\n| --- | --- |\n| ${pick(words)} | ${Math.floor(random() * 100)}% |`);
  return `${parts.join('\n\n')}\n`;
}

function progress(): string {
  const count = Math.floor(random() * 4); // 0 to 3 updates
  if (count === 0) return '';
  const lines = ['progress:'];
  for (let i = 0; i < count; i += 1) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    lines.push(`  - date: ${2020 + Math.floor(random() * 3)}-${month}-${day}`);
    if (random() < 0.5) lines.push(`    by: ${yaml(`${pick(words)} sub-group chair`)}`);
    if (random() < 0.5) lines.push(`    status: ${pick(statuses)}`);
    if (random() < 0.3) lines.push(`    rag: ${pick(rags)}`);
    lines.push(`    text: ${yaml(sentence(6, 20))}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface SyntheticOptions {
  /** How many files to write in all. */
  files: number;
  /** How many partnerships to spread them over. */
  partnerships: number;
}

/** Writes the files and returns how many of each type it wrote. */
export function generateContent(
  contentDir: string,
  { files: totalFiles, partnerships: partnershipCount }: SyntheticOptions,
): Record<string, number> {
  seed = 20200401;
  const counts: Record<string, number> = {};
  let written = 0;
  const write = (partnership: string, relative: string, type: string, text: string) => {
    const file = path.join(contentDir, partnership, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    counts[type] = (counts[type] ?? 0) + 1;
    written += 1;
  };
  const ids = Array.from({ length: partnershipCount }, (_, i) => `partnership-${String(i + 1).padStart(2, '0')}`);
  const perPartnership = Math.max(1, Math.floor(totalFiles / partnershipCount));

  ids.forEach((id, index) => {
    // The last partnership takes the remainder, so exactly `totalFiles` are written.
    const budget = index === ids.length - 1 ? totalFiles - perPartnership * (ids.length - 1) : perPartnership;
    const start = written;
    const neighbour = ids[(index + 1) % ids.length];
    write(
      id,
      'partnership.md',
      'partnership',
      [
        '---',
        `name: ${yaml(`Partnership ${index + 1} Safeguarding Children Partnership`)}`,
        `shortName: P${index + 1}SCP`,
        `area: Area ${index + 1}`,
        'partners:',
        `  - name: Area ${index + 1} Council`,
        '    kind: local-authority',
        `  - name: Area ${index + 1} Integrated Care Board`,
        '    kind: health',
        `  - name: Area ${index + 1} Police`,
        '    kind: police',
        'jointWith:',
        `  - id: ${neighbour}`,
        `    name: ${yaml(`Neighbouring partnership ${neighbour}`)}`,
        `vision: ${yaml(sentence(10, 20))}`,
        'values:',
        ...['Transparency', 'Challenge', 'Collaboration'].map((name) => `  - name: ${name}\n    text: ${yaml(sentence(8, 14))}`),
        'labels:',
        '  priority:',
        '    singular: Strategic Objective',
        '---',
        body(),
      ].join('\n'),
    );
    const plan = 'business-plan-2020-23';
    write(
      id,
      `plans/${plan}.md`,
      'plan',
      [
        '---',
        'title: Business Plan 2020-23',
        'period: 2020-2023',
        'parts:',
        '  - id: themed',
        '    title: Themed priorities',
        '  - id: core',
        '    title: Core business',
        'agreedOn: 2020-03-31',
        '---',
        body(),
      ].join('\n'),
    );
    for (const year of years) write(id, `years/${year}.md`, 'year', `---\nplan: ${plan}\n---\n`);

    const groups = Array.from({ length: 10 }, (_, i) => `group-${i + 1}`);
    groups.forEach((group, i) => {
      write(
        id,
        `groups/${group}.md`,
        'group',
        [
          '---',
          `name: ${yaml(`${pick(words)} ${pick(words)} group ${i + 1}`)}`,
          `kind: ${i === 0 ? 'board' : pick(groupKinds)}`,
          ...(i > 0 ? [`parent: ${groups[Math.floor(i / 3)]}`] : []),
          ...(random() < 0.3 ? [`remit: ${yaml(sentence(6, 12))}`] : []),
          ...(random() < 0.2 ? [`joint: [${neighbour}]`] : []),
          `order: ${i + 1}`,
          '---',
          random() < 0.5 ? body() : '',
        ].join('\n'),
      );
    });

    // What is left after the fixed files: about 1 priority and 3 objectives per 100 actions.
    const left = Math.max(0, budget - (written - start));
    const priorityCount = Math.max(1, Math.min(left, Math.round(left / 100)));
    const objectiveCount = Math.max(0, Math.min(left - priorityCount, priorityCount * 3));
    const actionCount = Math.max(0, left - priorityCount - objectiveCount);
    const priorities = Array.from({ length: priorityCount }, (_, i) => `priority-${i + 1}`);
    priorities.forEach((priority, i) => {
      write(
        id,
        `priorities/${priority}.md`,
        'priority',
        [
          '---',
          `title: ${yaml(sentence(3, 7))}`,
          `order: ${i + 1}`,
          `code: P${i + 1}`,
          `plan: ${plan}`,
          `part: ${i % 3 === 2 ? 'core' : 'themed'}`,
          'outcomes:',
          `  - ${yaml(sentence(6, 12))}`,
          `  - ${yaml(sentence(6, 12))}`,
          `groups: [${some(groups, 1, 2).join(', ')}]`,
          `years: [${years.join(', ')}]`,
          '---',
          body(),
        ].join('\n'),
      );
    });
    const objectives = Array.from({ length: objectiveCount }, (_, i) => ({
      id: `objective-${i + 1}`,
      priority: priorities[i % priorities.length],
    }));
    objectives.forEach((objective, i) => {
      write(
        id,
        `objectives/${objective.id}.md`,
        'objective',
        [
          '---',
          `title: ${yaml(sentence(4, 9))}`,
          `order: ${Math.floor(i / priorities.length) + 1}`,
          `priority: ${objective.priority}`,
          `groups: [${some(groups, 1, 2).join(', ')}]`,
          '---',
          body(),
        ].join('\n'),
      );
    });
    for (let i = 0; i < actionCount; i += 1) {
      // Three-level where there are objectives; some actions sit directly under a priority.
      const underObjective = objectives.length > 0 && random() < 0.85;
      const parent = underObjective ? `objective: ${pick(objectives).id}` : `priority: ${pick(priorities)}`;
      const joint = random() < 0.05;
      write(
        id,
        `actions/${i % 20 === 0 ? 'archive/' : ''}action-${i + 1}.md`,
        'action',
        [
          '---',
          `title: ${yaml(sentence(5, 14))}`,
          `order: ${i + 1}`,
          parent,
          'groups:',
          ...some(groups, 1, 3).map((group) => `  - ${group}`),
          `years: [${some(years, 1, 2).join(', ')}]`,
          ...(joint ? [`joint: [${neighbour}]`] : []),
          `status: ${pick(statuses)}`,
          ...(random() < 0.4 ? [`rag: ${pick(rags)}`] : []),
          ...(random() < 0.3 ? ['outcomes:', `  - ${yaml(sentence(5, 10))}`] : []),
          progress().trimEnd(),
          '---',
          body(),
        ]
          .filter((line) => line !== '')
          .join('\n'),
      );
    }
  });
  return counts;
}
