/**
 * The text `npm run new` writes for each content type: the fields it knows, commented-out
 * examples of the optional ones, and a body with guidance in an HTML comment (comments are
 * never published). Every template produces a file that passes `npm run check`. The frontmatter
 * is written by the `yaml` package (src/authoring/frontmatter-write.ts), which quotes a value
 * only where YAML would read it as something else.
 */
import { frequencyValues, groupKindValues, measureUnitValues, ragValues, statusValues, type ContentType } from '../../schemas/index.ts';
import { currentFormat } from '../model/content-format.ts';
import { field, newFrontmatter, type FrontmatterLine } from './frontmatter-write.ts';

export interface TemplateFields {
  title: string;
  /** partnership */
  shortName?: string;
  area?: string;
  colour?: string;
  /** partnership: what sort of body, when it is not a Safeguarding Children Partnership */
  bodyKind?: string;
  /** partnership: its GitHub repository (owner/name), for the editor on GitHub */
  editor?: string;
  /** plan */
  period?: string;
  /** plan: the other partnerships that own it */
  owners?: string[];
  /** plan: what it says it does not have */
  none?: Array<'groups' | 'years' | 'statuses'>;
  /** measure: where its figures come from */
  source?: string;
  /** priority, objective, action: its strands */
  strands?: string[];
  /** objective, action: the outcomes it serves, by number or id */
  serves?: Array<number | string>;
  /** year, priority */
  plan?: string;
  /** priority */
  part?: string;
  /** objective, action */
  priority?: string;
  /** action */
  objective?: string;
  /** group */
  kind?: string;
  parent?: string;
  order?: number;
  groups: string[];
  years: string[];
  /**
   * false: no commented-out examples and notes, for a partnership that edits in the editor on
   * GitHub (`editor:` in partnership.md), which cannot keep comments: its first save of the file
   * would remove them all, a pull request of deleted lines. The forms carry the same notes as hints.
   */
  examples?: boolean;
}

const list = (key: string, ids: string[], example: string, explain: string): FrontmatterLine[] =>
  ids.length > 0 ? [field(key, ids)] : [`# ${explain}, like:`, `# ${key}:`, `#   - ${example}`];

const body = (...lines: string[]) => [
  '<!--',
  ...lines,
  // Never the comment's own closing marks inside it: they would end it early and publish the rest.
  'Everything inside these comment marks is a note to yourself: it is never published.',
  '-->',
];

/**
 * A file: its frontmatter, then (as the editor on GitHub writes a file) an empty line before any
 * body. Without examples, its comment lines are left out, unless it has nothing else (a year).
 */
function file(fields: TemplateFields, frontmatter: readonly FrontmatterLine[], bodyLines: readonly string[] = []): string {
  const withoutComments = frontmatter.filter((line) => typeof line !== 'string');
  const lines = fields.examples === false && withoutComments.length > 0 ? withoutComments : frontmatter;
  const body = bodyLines.length === 0 ? '' : `\n${bodyLines.map((line) => `${line}\n`).join('')}`;
  return `---\n${newFrontmatter(lines)}---\n${body}`;
}

function planItem(level: 'priority' | 'objective' | 'action', fields: TemplateFields, parent: FrontmatterLine[]): string {
  const isAction = level === 'action';
  return file(
    fields,
    [
      field('title', fields.title),
      field('order', fields.order ?? 1),
      ...parent,
      '# A short reference the plan uses for it, like "P1" or "1a.2":',
      '# code: P1',
      '# The person or role who leads it (apart from the accountable groups):',
      '# lead: Head of Safeguarding, ICB',
      '# When it is due: a date (2022-03-31), a month (March 2022), a quarter (Q3 2021-22),',
      '# the end of a reporting year (2021-22), or ongoing:',
      '# due: Q3 2021-22',
      '# How it will be judged, each a measure with an optional target, or a measure file',
      '# with figures (in measures/) and the number of the outcome it evidences:',
      '# measures:',
      '#   - text: Practitioners trained',
      '#     target: "200"',
      '#   - measure: cp-plans-second-time',
      '#     outcome: 1',
      ...(fields.strands?.length
        ? [field('strands', fields.strands)]
        : ['# The strands it belongs to (declared under strands: in partnership.md):', '# strands: [prevent]']),
      ...(isAction
        ? []
        : ['# What success looks like, one or several statements:', '# outcomes:', '#   - Children at risk are identified earlier.']),
      ...(level === 'priority' ? [] : servesLines(level, fields.serves)),
      ...list('groups', fields.groups, 'business-group', 'The groups accountable for it (ids of files in groups/)'),
      ...list('years', fields.years, '2021-22', 'The reporting years it belongs to (files in years/)'),
      ...(isAction
        ? [
            `# Where it stands, once someone has said: ${statusValues.join(', ')}.`,
            '# Left out, the site says "No status reported" and claims nothing.',
            '# status: in-progress',
          ]
        : ['# Leave status out to have it worked out from the actions below it:', `# status: in-progress`]),
      `# An optional rating on the partnership's scale (${ragValues.join(', ')} unless it declares its own):`,
      '# rag: green',
      '# Progress updates, newest last. To add one, copy these lines without the "# ":',
      '# progress:',
      '#   - date: 2021-09-30',
      '#     by: Business Manager',
      '#     text: What has happened since the last update.',
      '# Related documents and web pages, like a strategy, a toolkit or a training page:',
      '# links:',
      '#   - title: Neglect Strategy',
      '#     url: https://www.example.org.uk/neglect-strategy',
    ],
    body(
      isAction
        ? 'Describe the action here in plain Markdown: what will be done, by whom, and how you will know it worked.'
        : `Describe the ${level} here in plain Markdown: why it matters and what the partnership will do.`,
      `It appears on the ${level}'s page, under its title.`,
    ),
  );
}

/** Which outcomes of the item above an objective or action it serves: given, or an example. */
function servesLines(level: 'objective' | 'action', serves: Array<number | string> | undefined): FrontmatterLine[] {
  if (serves?.length) return [field('serves', serves)];
  const above = level === 'action' ? 'its objective (or, if that states none, its priority)' : 'its priority';
  return [`# The outcomes of ${above} it serves, by number (from 1) or id:`, '# serves: [1, 3]'];
}

/** Where to report a worry, how to reach the partnership, what its site looks like: the examples a new partnership.md shows. */
const partnershipContacts = [
  '# Its own website:',
  '# website: https://www.example.org.uk',
  '# Where to report a worry about a child, shown on every page (phone numbers in quotes; these are examples that ring nobody):',
  '# childrensServices:',
  "#   name: Children's Services",
  '#   phone: "01632 960 000"',
  '#   hours: Monday to Friday, 8.30am to 5pm',
  '#   outOfHoursPhone: "01632 960 001"',
  '#   webForm: https://www.example.org.uk/report-a-concern',
  '# How to reach the partnership itself, also used by the accessibility statement:',
  '# contact:',
  '#   email: office@example.org.uk',
  '#   phone: "01632 960 002"',
  '#   address:',
  '#     - The Council Offices',
  '#     - High Street',
  '# How its site looks: its brand colour (dark enough for white text), a logo (an SVG or',
  '# PNG file in this folder) and links for the footer of every page:',
];

/** The examples after a new partnership.md's colour: the rest of its look, its partners, its statement, its scale. */
const partnershipExamples = [
  '#   logo:',
  '#     file: logo.svg',
  '#     alt: The words the logo shows',
  '#   footerLinks:',
  '#     - title: Our website',
  '#       url: https://www.example.org.uk',
  '# The three safeguarding partners (kind: local-authority, health or police):',
  '# partners:',
  '#   - name: The County Council',
  '#     kind: local-authority',
  '# Months without a progress update before open work is flagged "no recent update":',
  '# staleAfterMonths: 6',
  '# Its accessibility statement for this site, in its own words: once the site has been checked,',
  '# say whether it is fully, partially or not compliant with WCAG 2.2 AA (and, if not fully, what',
  '# is not accessible), and how soon you reply to a request for another format. Until you do,',
  '# the site says no statement has been published (and npm run check reminds you):',
  '# accessibility:',
  '#   compliance: partially',
  '#   nonAccessible: Some older reports linked from the plan are PDFs that are not accessible.',
  '#   respondsWithin: 10 working days',
  '#   preparedOn: 2026-01-15',
  "# A body that is not a children's partnership says what it is: safeguarding-adults-board,",
  '# community-safety-partnership, health-and-wellbeing-board, regional-group or other:',
  '# kind: safeguarding-adults-board',
  '# Its own rating scale, in place of red/amber/green (colours must be readable with white or black text):',
  '# ratingScale:',
  '#   name: BRAG',
  '#   levels:',
  '#     - id: blue',
  '#       label: Blue',
  '#       meaning: Complete',
  '#       colour: "#1d70b8"',
  '#     - id: red',
  '#       label: Red',
  '#       colour: "#d4351c"',
  '# Cross-cutting strands items can be tagged with:',
  '# strands:',
  '#   - id: prevent',
  '#     name: Prevent',
];

/** The lines of the examples only a children's partnership has: its three statutory partners, and the offer of other kinds. */
const childrenOnly = new Set([
  '# The three safeguarding partners (kind: local-authority, health or police):',
  '# partners:',
  '#   - name: The County Council',
  '#     kind: local-authority',
  "# A body that is not a children's partnership says what it is: safeguarding-adults-board,",
  '# community-safety-partnership, health-and-wellbeing-board, regional-group or other:',
  '# kind: safeguarding-adults-board',
]);

/** What every partnership.md starts with: its format, name, short name, area and, for another body, its kind. */
function partnershipHead(fields: TemplateFields): FrontmatterLine[] {
  return [
    "# The content format this folder is written in (Plan Publisher's CHANGELOG.md says what changed):",
    field('format', currentFormat),
    field('name', fields.title),
    field('shortName', fields.shortName ?? fields.title),
    field('area', fields.area ?? fields.title),
    ...(fields.bodyKind ? [field('kind', fields.bodyKind)] : []),
  ];
}

function partnershipTemplate(fields: TemplateFields): string {
  if (fields.bodyKind === 'joint-arrangement') return jointArrangementTemplate(fields);
  const noun = fields.bodyKind ? 'body' : 'partnership';
  return file(
    fields,
    [
      ...partnershipHead(fields),
      ...partnershipContacts,
      // A colour given (by init) is the site's; otherwise the example stays a comment.
      ...(fields.colour ? [field('branding', { colour: fields.colour })] : ['# branding:', '#   colour: "#1d4f91"']),
      // Given (by init --github), the site gets the editor on GitHub at /admin/ (content/README.md, "Editing on GitHub").
      ...(fields.editor
        ? ['# Editing on GitHub: the repository these files are saved to, by pull request:', field('editor', { repository: fields.editor })]
        : []),
      ...partnershipExamples.filter((line) => !fields.bodyKind || !childrenOnly.has(line)),
    ],
    body(`Introduce the ${noun} here in plain Markdown: who it is and what it does.`, 'It appears on the About page of its site.'),
  );
}

/** A joint arrangement: the shared home of plans several partnerships own, with no site (so no contacts or look) of its own. */
function jointArrangementTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      ...partnershipHead(fields),
      '# It has no site of its own: each of its plans names the partnerships that share it under',
      "# owners:, and is published on each of their sites, in each one's own look.",
      '# Cross-cutting strands its items can be tagged with:',
      '# strands:',
      '#   - id: prevent',
      '#     name: Prevent',
    ],
    body(
      'Say here in plain Markdown who works together in this arrangement, and on what.',
      'It appears with its plans on the sites of the partnerships that share them.',
    ),
  );
}

function planTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      field('title', fields.title),
      field('period', fields.period ?? ''),
      '# When and how it was agreed:',
      '# agreedOn: 2023-04-01',
      '# agreedBy: the partnership board',
      '# reporting: How progress is reported, like "via the annual report".',
      '# A plan in parts lists them here, and each priority names its part:',
      '# parts:',
      '#   - id: part-a',
      '#     title: "Part A: Strategic Objectives"',
      ...(fields.owners?.length
        ? ['# The partnerships that own it (their folder names): it is published on each of their sites:', field('owners', fields.owners)]
        : [
            '# Other partnerships that own it too (their folder names): it is published on their sites as well:',
            '# owners: [isle-of-wight]',
          ]),
      '# Once it has ended, the plan that replaced it:',
      '# successor: business-plan-2026-29',
      ...planDeclarations(fields.none ?? []),
    ],
    body('Introduce the plan here in plain Markdown: what it is for and how it was developed.', "It appears on the plan's page."),
  );
}

/** What a plan says, once, it does not have: written when declared, offered as examples otherwise. */
function planDeclarations(none: ReadonlyArray<'groups' | 'years' | 'statuses'>): FrontmatterLine[] {
  const declared = (key: 'groups' | 'years' | 'statuses') => (none.includes(key) ? [field(key, 'none')] : [`# ${key}: none`]);
  return [
    '# A plan that names no accountable groups, has no reporting years, or reports outcomes and',
    '# measures rather than a status for each piece of work, says so once:',
    ...declared('groups'),
    ...declared('years'),
    ...declared('statuses'),
    '# How its priority pages list their actions: by year (the default), strand or outcome:',
    '# listActionsBy: strand',
  ];
}

/** A year is a period shared by every plan: its file names no plan, and holds the partnership's own words for its report. */
function yearTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      `# How the year is named on the site (it defaults to "${fields.title}"):`,
      `# title: ${fields.title}`,
      "# The partnership's end-of-year statements on its priorities, shown in the year's annual report:",
      '# statements:',
      '#   - priority: neglect',
      '#     text: The neglect strategy was refreshed and launched in October.',
    ],
    body("Write the foreword to the year's annual report here in plain Markdown.", 'It opens the annual report for the year.'),
  );
}

function groupTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      field('name', fields.title),
      `# What sort of group it is: ${groupKindValues.join(', ')}.`,
      field('kind', fields.kind ?? 'other'),
      '# Its usual abbreviation, and one sentence on what it is for:',
      '# acronym: TSG',
      '# remit: Plans and evaluates multi-agency training.',
      ...(fields.parent ? [field('parent', fields.parent)] : ['# The id of the group it reports to:', '# parent: partnership-board']),
      ...(fields.order !== undefined ? [field('order', fields.order)] : []),
      '# Who chairs or leads it (a role, not a name), who sits on it, how often it meets:',
      "# chair: Director of Children's Services",
      '# memberAgencies:',
      '#   - The County Council',
      '#   - The Police',
      '# meets: every two months',
      '# The web address of its terms of reference:',
      '# termsOfReference: https://www.example.org.uk/terms-of-reference',
    ],
    body('Say more about the group here in plain Markdown: what it does and how it works.', "It appears on the group's page."),
  );
}

function pageTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      field('title', fields.title),
      ...(fields.order !== undefined
        ? [field('order', fields.order)]
        : ['# Its place among the pages in the footer (by title when left out):', '# order: 1']),
      '# One sentence on what it holds, for search engines:',
      '# description: What the page is for, in one sentence.',
    ],
    body(
      'Write the page here in plain Markdown: headings (## Heading), lists, links.',
      'It is published on the site, linked from the footer of every page.',
    ),
  );
}

function measureTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      field('title', fields.title),
      '# What it counts, in one sentence:',
      field('counts', fields.title),
      `# Its unit: ${measureUnitValues.join(', ')} (rate-per-10000 is per 10,000 children).`,
      field('unit', 'number'),
      `# How often a new value is expected: ${frequencyValues.join(', ')}.`,
      field('frequency', 'yearly'),
      field('plan', fields.plan ?? ''),
      '# Where the figures come from:',
      field('source', fields.source ?? ''),
      '# Which direction is better, lower or higher (needed once a target is set):',
      '# better: lower',
      "# The starting point, and the targets the plan sets (dates within the plan's period):",
      '# baseline: { value: 312, date: 2020-03-31 }',
      '# targets:',
      '#   - { value: 200, date: 2023-03-31 }',
      '# The figures so far, each dated the last day of the month, quarter or year it covers:',
      '# values:',
      '#   - { date: 2021-03-31, value: 290 }',
      '#   - { date: 2022-03-31, value: 254, note: definition changed }',
    ],
    body('Define the measure here in plain Markdown: exactly what is counted, and how.', "It appears on the measure's page."),
  );
}

function reviewTemplate(fields: TemplateFields): string {
  return file(
    fields,
    [
      field('title', fields.title),
      '# What kind of review: local-cspr, national-review, rapid-review, learning-review or other.',
      field('kind', 'local-cspr'),
      '# The day it was published, and where to read it:',
      '# published: 2021-09-30',
      '# url: https://www.example.org.uk/reviews/child-q',
      '# Its recommendations, each with the actions (files in actions/) that answer it,',
      '# its status and dated progress updates:',
      '# recommendations:',
      '#   - number: 1',
      '#     text: Partners should agree a shared neglect tool.',
      '#     answeredBy: [deliver-neglect-training]',
      '#     status: in-progress',
      '#     progress:',
      '#       - { date: 2022-01-31, text: Tool agreed by the board. }',
    ],
    body('Summarise what the review found here in plain Markdown.', "It appears on the review's page."),
  );
}

const templates: Record<ContentType, (fields: TemplateFields) => string> = {
  partnership: partnershipTemplate,
  plan: planTemplate,
  year: yearTemplate,
  group: groupTemplate,
  priority: (fields) =>
    planItem('priority', fields, [field('plan', fields.plan ?? ''), ...(fields.part ? [field('part', fields.part)] : [])]),
  objective: (fields) => planItem('objective', fields, [field('priority', fields.priority ?? '')]),
  action: (fields) =>
    planItem('action', fields, [
      ...(fields.objective ? [field('objective', fields.objective)] : []),
      ...(fields.priority ? [field('priority', fields.priority)] : []),
    ]),
  page: pageTemplate,
  measure: measureTemplate,
  review: reviewTemplate,
};

export function templateFor(type: ContentType, fields: TemplateFields): string {
  return templates[type](fields);
}
