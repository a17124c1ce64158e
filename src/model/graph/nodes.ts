/**
 * The resolved plan's shape: every partnership (and other body), plan, level, group, year,
 * strand and measure as a node, linked both ways (stage 3, src/model/graph/), each carrying the
 * facts derived from it (stage 4, src/model/resolve/). Types only: every stage and every view
 * imports its words from here, and this module imports nothing of the model's.
 *
 * A fact is worked out once, by one resolver, and views only render it: a page, the CSV, the
 * JSON and the report cannot disagree about an item's status, its accountable group or its
 * progress, because none of them works these out.
 */
import type { BodyKind, PlanPart, ProgressUpdate, Status } from '../../../schemas/index.ts';
import type { Due } from '../../../schemas/values/due.ts';
import type { Level, LevelCount, LevelName } from '../labels.ts';
import type { MeasureStatus } from '../resolve/measure-status.ts';
import type { Edition, RequiredSection } from '../../../schemas/report-sections.ts';
import type { RatingLevel, RatingScale } from '../../../schemas/values/rating.ts';
import type { AnyEntry, Entry } from '../entries.ts';

export type { Level, LevelCount, LevelName };

export interface JointPartner {
  id: string;
  name: string;
  shortName?: string;
  kind: BodyKind;
  url?: string;
  /** Its site in this build, when it has one (it owns or shares a plan). */
  site?: PartnershipNode;
}

export interface PartnershipNode {
  kind: 'partnership';
  id: string;
  entry: Entry<'partnership'>;
  /** Its plans, the current one first: the one whose period ends last (an open-ended one before all). */
  plans: PlanNode[];
  /** The plan the home page shows. */
  currentPlan?: PlanNode;
  groups: GroupNode[];
  years: YearNode[];
  priorities: PriorityNode[];
  objectives: ObjectiveNode[];
  actions: ActionNode[];
  strands: StrandNode[];
  /** Its measures, in the order of the items they evidence, then by title. */
  measures: MeasureNode[];
  /** Its reviews (files in `reviews/`), the latest published first. */
  reviews: ReviewNode[];
  jointWith: JointPartner[];
  /** Its rating scale: its own, or red/amber/green. */
  ratingScale: RatingScale;
  /** True when it has a site: it owns or shares at least one plan. */
  hasSite: boolean;
}

export interface PartNode {
  id: string;
  part: PlanPart;
  plan: PlanNode;
  priorities: PriorityNode[];
  labels: Record<Level, LevelName>;
}

export interface PlanNode {
  kind: 'plan';
  id: string;
  /** Its address on a site. */
  slug: string;
  entry: Entry<'plan'>;
  partnership: PartnershipNode;
  /** Every owner: the body whose folder holds it first, then those it names under `owners`. */
  owners: PartnershipNode[];
  parts: PartNode[];
  priorities: PriorityNode[];
  /** Every reporting year its period spans, in order (none for a plan with `years: none`). */
  yearIds: string[];
  /** Those years, as nodes. */
  years: YearNode[];
  /** The measures whose figures evidence its outcomes. */
  measures: MeasureNode[];
  /** The plan that replaced it, and the one it replaced. */
  successor?: PlanNode;
  predecessor?: PlanNode;
  facts: PlanFacts;
}

interface ItemBase<L extends Level> {
  kind: L;
  id: string;
  /** Its address on a site: its id, unless two items of its kind share one there. */
  slug: string;
  entry: Entry<L>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  part?: PartNode;
  /** The groups its own file names. What answers for it, named or inherited, is `facts.accountable`. */
  groups: GroupNode[];
  years: YearNode[];
  strands: StrandNode[];
  joint: JointPartner[];
  /** The rating its own file gives, read on its plan's scale. Its rating as of the build date is `facts.rating`. */
  rating?: RatingLevel & { scale: string };
  /** Singular and plural names of this item's level, in its part's words. */
  label: LevelName;
  /** The measure files it cites under `measures:`, each with the number of the outcome it evidences, if one. */
  measureLinks: Array<{ measure: MeasureNode; outcome?: number }>;
  /** The outcomes it serves (`serves:`): each an item above it and the number of one of its outcomes. */
  serves: OutcomeReference[];
  facts: ItemFacts;
}

/** An outcome of an item, by the item and its number (1 is the first). */
export interface OutcomeReference {
  item: ItemNode;
  number: number;
}

export interface PriorityNode extends ItemBase<'priority'> {
  objectives: ObjectiveNode[];
  /** Actions directly under the priority (two-level plans). */
  directActions: ActionNode[];
  /** Every action under it, through objectives or directly. */
  actions: ActionNode[];
}

export interface ObjectiveNode extends ItemBase<'objective'> {
  priority?: PriorityNode;
  actions: ActionNode[];
}

export interface ActionNode extends ItemBase<'action'> {
  priority?: PriorityNode;
  objective?: ObjectiveNode;
  /** The review recommendations it answers (they name it under `answeredBy`), in review order. */
  answers: RecommendationNode[];
}

export type ItemNode = PriorityNode | ObjectiveNode | ActionNode;

export interface GroupNode {
  kind: 'group';
  id: string;
  slug: string;
  entry: Entry<'group'>;
  partnership: PartnershipNode;
  parent?: GroupNode;
  children: GroupNode[];
  /** Every priority, objective and action that names this group in its own file. */
  items: ItemNode[];
  /** The partnerships and bodies it is shared with, as its file names them. */
  joint: JointPartner[];
  /** Every body it belongs to: the one whose folder holds it, then those it is shared with. */
  owners: JointPartner[];
  facts: GroupFacts;
}

/**
 * A reporting year: a period, like 2021-22, the same for every partnership. In the folders' graph
 * there is one per folder and period (a year file, or a period a plan in the folder spans); on a
 * site, one per period of the plans the site shows.
 */
export interface YearNode {
  kind: 'year';
  id: string;
  slug: string;
  /** The body's own file for the year (its title, dates, statements and foreword), when it wrote one. */
  entry?: Entry<'year'>;
  partnership: PartnershipNode;
  /** The plans that run in the year, the body's own before the ones it shares. */
  plans: PlanNode[];
  /** Every priority, objective and action that names this year. */
  items: ItemNode[];
  /** The partnership's end-of-year statement on each priority it comments on. */
  statements: Array<{ priority: PriorityNode; text: string }>;
  facts: YearFacts;
}

export interface StrandNode {
  kind: 'strand';
  id: string;
  slug: string;
  /** The partnership that declares it. */
  home: string;
  /** The strand as its partnership declares it. */
  name: string;
  description?: string;
  partnership: PartnershipNode;
  /** Every priority, objective and action tagged with it, in plan order. */
  items: ItemNode[];
}

export interface MeasureNode {
  kind: 'measure';
  id: string;
  slug: string;
  entry: Entry<'measure'>;
  partnership: PartnershipNode;
  plan?: PlanNode;
  /** The priorities, objectives and actions that cite it, in plan order, each with the outcome it evidences, if one. */
  evidences: Array<{ item: ItemNode; outcome?: number }>;
  facts: MeasureFacts;
}

/** A local or national child safeguarding practice review, or a rapid review, with its recommendations. */
export interface ReviewNode {
  kind: 'review';
  id: string;
  slug: string;
  entry: Entry<'review'>;
  partnership: PartnershipNode;
  recommendations: RecommendationNode[];
}

/** One recommendation of a review, with the actions that answer it. */
export interface RecommendationNode {
  review: ReviewNode;
  /** Its place in the review's list, from 1. */
  index: number;
  /** What it is called: the review's own number for it, or its place. */
  number: string;
  /** The actions its `answeredBy` names, in the order written. */
  answeredBy: ActionNode[];
  facts: RecommendationFacts;
}

export type AnyNode = PartnershipNode | PlanNode | ItemNode | GroupNode | YearNode | StrandNode | MeasureNode | ReviewNode;

export interface PlanIndex {
  /** Every partnership and body, as written in its own folder, by name. */
  partnerships: PartnershipNode[];
  partnership(id: string): PartnershipNode | undefined;
  /** What each site shows: every body that owns or shares a plan, with everything on its site. */
  sites: PartnershipNode[];
  site(id: string): PartnershipNode | undefined;
}

/** The key of a file in messages about references: "partnership/type/id". */
export const fileKey = (partnership: string, type: string, id: string) => `${partnership}/${type}/${id}`;

// ---------------------------------------------------------------------------------------------
// Facts: what the content says about each node, worked out once (src/model/resolve/).

/** Where a status comes from. */
export type StatusSource =
  /** The item's own `status:`. */
  | 'own'
  /** Its latest dated progress update that gives a status. */
  | 'update'
  /** Rolled up from the actions under it, by the one rule (src/model/resolve/status.ts). */
  | 'actions';

/** Why an item has no status. */
export type NoStatusReason =
  /** A priority or objective with no actions to roll up from. */
  | 'no-actions'
  /** Nothing in the content says where the work stands. */
  | 'not-reported';

export interface StatusFact {
  /** Where the work stands, when the content says; undefined when it does not. */
  status?: Status;
  /** Where the status comes from; undefined when there is none. */
  source?: StatusSource;
  /** The dated progress update that says so, when one does. */
  update?: ProgressUpdate;
  /** Why there is no status, when there is none. */
  none?: NoStatusReason;
}

/** A rating on a scale, with the scale's name. */
export type Rating = RatingLevel & { scale: string };

/**
 * Where an item stood at the end of one reporting year, or, while the year runs, on the build
 * date (`asOf` says which): its status, its rating, whether it was overdue, and its latest update
 * by then. Nothing from after that day.
 */
export interface YearStatusFact extends StatusFact {
  year: YearNode;
  /** The day it is judged as of: the year's last day, or the build date while the year runs. */
  asOf: string;
  rating?: Rating;
  overdue: boolean;
  /** For actions: no update for too long, as of that day. */
  stale: boolean;
  /** Its latest progress update dated on or before that day. */
  latestUpdate?: ProgressUpdate;
}

/** Who answers for an item. */
export interface Accountability {
  /** The groups that answer for it, the lead first. */
  groups: GroupNode[];
  /**
   * 'own': its file names them; 'inherited': the nearest item above it that names groups does
   * (`from`); 'beneath': it and everything above name none, and these are the groups its actions
   * name, the one named most first; 'none': no group is named anywhere.
   */
  source: 'own' | 'inherited' | 'beneath' | 'none';
  /** The item it inherits from, for 'inherited'. */
  from?: ItemNode;
  /** Its plan says `groups: none`: it names no groups on purpose. */
  noneByDesign: boolean;
}

/** Who leads an item: the people or roles in `lead:`, its own or the nearest item above's. */
export interface Leads {
  names: string[];
  source: 'own' | 'inherited' | 'none';
  from?: ItemNode;
}

export interface ProgressFacts {
  /** Its own dated updates, newest first. */
  updates: ProgressUpdate[];
  /** The newest of them: the latest date, the last written among equals. */
  latest?: ProgressUpdate;
  /** How many updates the items beneath it (objectives and actions) carry. */
  beneath: number;
  /** The newest update beneath it, with the item it is on. */
  latestBeneath?: { item: ItemNode; update: ProgressUpdate };
}

/** "No recent update": see src/model/resolve/staleness.ts for the rule. */
export interface Staleness {
  stale: boolean;
  /** The date the action was last known to be looked at: its latest update, or its first year's start. */
  since?: string;
  /** The date against which it was judged: the build date, or the end of its last reporting year if that came first. */
  asOf: string;
  /** True when it was judged as of the end of its last reporting year, which ended before the build date. */
  asOfYearEnd: boolean;
  /** Whether `since` is the date of an update (true) or only the start of its first year. */
  sinceUpdate: boolean;
}

export interface ItemFacts {
  /** Where it stands as of the build date. */
  status: StatusFact;
  /** Its rating as of the build date: its own `rag:`, or its latest dated update's. */
  rating?: Rating;
  /**
   * Where it stood at the end of each reporting year: an action's own years; for a priority or
   * objective, each year of its plan in which actions under it are planned.
   */
  years: YearStatusFact[];
  accountable: Accountability;
  lead: Leads;
  progress: ProgressFacts;
  /** When it is due, as the plan writes it. */
  due?: Due;
  /** Reported as still open, and past the last day it was due by. */
  overdue: boolean;
  /** For actions: whether open work has gone too long without an update. */
  staleness?: Staleness;
  /** The measure files its work is judged by: those it and every item beneath it cite, each once. */
  measures: MeasureNode[];
  /** Its outcomes, numbered, each with the work that serves it and the measures that evidence it. */
  outcomes: OutcomeFacts[];
}

export interface OutcomeFacts {
  /** Its place in the list, from 1. */
  number: number;
  /** What the site numbers it: the plan's own code, or its number. */
  label: string;
  /** The id other files cite it by, when it has one. */
  id?: string;
  text: string;
  /** The objectives and actions that say they serve it, in plan order. */
  servedBy: ItemNode[];
  /** The measure files that evidence it. */
  measures: MeasureNode[];
}

export interface PlanFacts {
  /** Its period ended before the build date. */
  ended: boolean;
  /** It reports a status for its work: false when it says `statuses: none` (it reports outcomes and measures instead). */
  reportsStatuses: boolean;
  /** Every action under it, in plan order. */
  actions: ActionNode[];
  /** How many of them report a status as of the build date. */
  reported: number;
  /**
   * Its levels in its own words, top first, each with how many items it has: the top level once
   * per name its parts give it ("Strategic Objective", then Part B's "Strategic Activity"), then
   * objectives and actions. Levels it has no items of are left out.
   */
  levels: LevelCount[];
}

export interface YearFacts {
  /** The year's first and last days, as its file gives them or 1 April to 31 March. */
  starts: string;
  ends: string;
  /** The year ended before the build date. */
  ended: boolean;
  /** The day its facts are judged as of: its last day, or the build date while it runs. */
  judgedOn: string;
  /** The actions planned for it, in plan order. */
  actions: ActionNode[];
  /** How many of them report a status at the year's end. */
  reported: number;
  /** The year before, in the same plan, when it has a file. */
  previous?: YearNode;
  /** Its actions that were complete at its end and not at the end of the year before. */
  completed: ActionNode[];
  /** Its actions that also belong to the year before: work carried over. */
  carriedOver: ActionNode[];
  /** Its actions that were not in the year before. */
  added: ActionNode[];
  /** Its yearly report as the year file writes it, against what the guidance asks for. */
  report: YearlyReportFacts;
  /** Its areas of little or no evidence of progress, by the rule in resolve/little-progress.ts. */
  littleProgress: LittleProgress;
  /** Decisions and actions on the reviews published by the year's end (resolve/reviews.ts). */
  reviews: ReviewsInYear;
}

export interface RecommendationFacts {
  /** Where the work on it stands as of the build date: its own `status:`, else its latest update's. */
  status: StatusFact;
  /** Its dated updates, newest first. */
  updates: ProgressUpdate[];
}

/** A recommendation as it stood at the end of one reporting year (src/model/resolve/reviews.ts). */
export interface RecommendationInYear {
  recommendation: RecommendationNode;
  /** Where it stood on the year's last day (or the build date while the year runs). */
  status: StatusFact;
  /** Its updates dated within the year, oldest first. */
  updates: ProgressUpdate[];
}

/** A year's record of decisions and actions on reviews: the recommendations open or worked on in it. */
export interface ReviewsInYear {
  reviews: Array<{ review: ReviewNode; recommendations: RecommendationInYear[] }>;
}

export interface GroupFacts {
  /**
   * Every item it answers for, in plan order: those that name it, and those beneath them that
   * name no group of their own (they inherit it; see src/model/resolve/accountability.ts).
   */
  answersFor: ItemNode[];
}

export interface MeasureFacts {
  /** Its status as of the build date. */
  status: MeasureStatus;
  /** Its status at the end of each reporting year of its plan (or on the build date, while the year runs), by year id. */
  atYearEnd: ReadonlyMap<string, MeasureStatus>;
}

export type { AnyEntry };

/** One `## ` section of a year file's body (see src/model/resolve/yearly-report.ts). */
export interface WrittenSection {
  heading: string;
  /** Its Markdown, without its heading. */
  text: string;
  /** The line of its heading in the year file's body (from 1). */
  line: number;
  /** The required section it writes, when its heading names one. */
  required?: RequiredSection;
}

/** A year's report as its file writes it, against the guidance (src/model/resolve/yearly-report.ts). */
export interface YearlyReportFacts {
  edition: Edition;
  /** The body before its first section: the foreword. */
  foreword: string;
  /** Every section written, in the order of the body. */
  written: WrittenSection[];
  /**
   * The guidance's sections in its order, each with what the year file writes for it, if anything;
   * `fromReviews` when it is the section on reviews and review files give it its record.
   */
  required: Array<{ section: RequiredSection; written?: WrittenSection; fromReviews?: boolean }>;
  /** The sections the partnership adds of its own, in the order of the body. */
  own: WrittenSection[];
  /** The required sections not written (the one on reviews is never missing when review files record it). */
  missing: RequiredSection[];
  /** The year has ended, so its report is due. */
  due: boolean;
  /**
   * The last day to publish it on: 12 months after the year ends, or after the last report
   * published before it (`lastReport`) when that is sooner.
   */
  publishBy: string;
  /** The day the report before it was published, when `publishBy` counts from that day. */
  lastReport?: string;
  published?: string;
  /** Due, not published, and past the day to publish it by. */
  overdue: boolean;
  sent?: string;
  /** The last day to send it on, once published. */
  sendBy?: string;
}

/** Why an action is listed. */
export type ActionShortfall = 'delayed' | 'lowest rating' | 'overdue' | 'nothing reported';

/** A year's areas of little or no evidence of progress (src/model/resolve/little-progress.ts). */
export interface LittleProgress {
  /** The actions listed, in plan order, each with why, under its priority. */
  actions: Array<{ action: ActionNode; priority?: PriorityNode; why: ActionShortfall[] }>;
  /** The measures listed, each with its status label at the year's end. */
  measures: Array<{ measure: MeasureNode; label: string }>;
  /** The year has work or measures to judge at all. */
  judged: boolean;
}
