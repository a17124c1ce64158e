/**
 * `plan-publisher new` (`npm run new -- <type> "<title>" [options]`): writes a new, valid
 * content file and prints its path. In a terminal it asks for anything missing; otherwise it
 * lists what is missing and exits 2. It never overwrites an existing item (exit 1), and never
 * leaves a file that fails the check. See content/README.md.
 */
import { contentTypeNames } from '../../schemas/index.ts';
import { terminalPrompter } from '../authoring/prompter.ts';
import { scaffold, type ScaffoldOptions } from '../authoring/scaffold.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { contentOption, listOption, stringOption } from './options.ts';

export type NewOptions = ScaffoldOptions;

const usage = `Usage: npm run new -- <type> "<title>" [options]

Types: ${contentTypeNames.join(', ')}

Options (each checked against your content):
  --partnership ID     the partnership it belongs to (not needed when there is only one)
  --plan ID            priority, measure: the plan it belongs to
  --part ID            priority: the part of the plan, when the plan has parts
  --priority ID        objective, action: the priority it serves
  --objective ID       action: the objective it delivers
  --group ID           priority, objective, action: an accountable group (repeat for several)
                       plan: --group none, when the plan names no accountable groups
  --year 2021-22       priority, objective, action: a reporting year (repeat for several)
                       plan: --year none, when the plan has no reporting years
  --strand ID          priority, objective, action: a strand declared in partnership.md (repeat for several)
  --serves 1,3         objective, action: the outcomes above it that it serves, by number or id
  --kind KIND          group: board, executive, sub-group, task-and-finish-group, forum, role, members, other
                       partnership: safeguarding-adults-board, joint-arrangement, community-safety-partnership,
                       health-and-wellbeing-board, regional-group or other (default: a children's partnership)
  --parent ID          group: the group it reports to
  --period 2024-2027   plan: the years it covers, or 2024-onwards for a plan with no end date
                       (read from the title when it has them)
  --owner ID           plan: another partnership that owns it (repeat for several)
  --statuses none      plan: it reports outcomes and measures, not a status for each piece of work
  --source TEXT        measure: where its figures come from
  --id ID              use this id (file name) instead of the one made from the title
  --order N            its position among its siblings (default: after the last)
  --short-name X       partnership: its abbreviation (default: the initials of its name)
  --area X             partnership: the area it covers (default: its name without "Safeguarding Children Partnership",
                       or "Safeguarding Adults Board" and the like for another kind)
  --content DIR        the content folder (default: content, or $PLAN_CONTENT)
  --help               show this

Examples:
  npm run new -- action "Deliver neglect training" --priority responding-to-neglect --group neglect-task-and-finish-group --year 2021-22
  npm run new -- group "Training Sub-Group" --kind sub-group
  npm run new -- plan "Exploitation Strategy" --period 2024-onwards --year none --statuses none
  npm run new -- year 2022-23`;

const text = { type: 'string' } as const;

export const newCommand: Command<NewOptions> = {
  name: 'new',
  usage,
  positionals: true,
  options: {
    content: text,
    partnership: text,
    plan: text,
    part: text,
    priority: text,
    objective: text,
    group: { type: 'string', multiple: true },
    year: { type: 'string', multiple: true },
    strand: { type: 'string', multiple: true },
    serves: { type: 'string', multiple: true },
    kind: text,
    parent: text,
    period: text,
    owner: { type: 'string', multiple: true },
    statuses: text,
    source: text,
    id: text,
    order: text,
    'short-name': text,
    area: text,
  },
  parse: parseNewOptions,
  run: newItem,
};

function parseNewOptions(line: CommandLine): NewOptions {
  const [type, ...titleWords] = line.positionals;
  if (!type) throw new UsageError('say what to create, like: npm run new -- action "Deliver neglect training"');
  const order = stringOption(line, 'order');
  if (order !== undefined && !/^[1-9]\d*$/.test(order))
    throw new UsageError(`--order "${order}" is not a position: use a whole number from 1`);
  return {
    type,
    title: titleWords.join(' ') || undefined,
    contentDir: contentOption(line),
    id: stringOption(line, 'id'),
    partnership: stringOption(line, 'partnership'),
    plan: stringOption(line, 'plan'),
    part: stringOption(line, 'part'),
    priority: stringOption(line, 'priority'),
    objective: stringOption(line, 'objective'),
    groups: line.values.group === undefined ? undefined : listOption(line, 'group'),
    years: line.values.year === undefined ? undefined : listOption(line, 'year'),
    strands: line.values.strand === undefined ? undefined : listOption(line, 'strand'),
    serves: line.values.serves === undefined ? undefined : listOption(line, 'serves'),
    kind: stringOption(line, 'kind'),
    parent: stringOption(line, 'parent'),
    period: stringOption(line, 'period'),
    owners: line.values.owner === undefined ? undefined : listOption(line, 'owner'),
    statuses: stringOption(line, 'statuses'),
    source: stringOption(line, 'source'),
    shortName: stringOption(line, 'short-name'),
    area: stringOption(line, 'area'),
    order: order === undefined ? undefined : Number(order),
  };
}

/** Writes the item; in a terminal, asks for what is missing. */
export function newItem(options: NewOptions): Promise<CommandOutcome> {
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  return scaffold(options, interactive ? terminalPrompter() : undefined);
}
