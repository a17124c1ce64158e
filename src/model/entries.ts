/**
 * Validated content: what stage 2 (validate) hands to stage 3 (index). The build hands the site
 * these same entries (src/site/data.ts), so the site publishes exactly what the check accepted.
 */
import type { ContentType } from '../../schemas/index.ts';
import type {
  ActionData,
  GroupData,
  MeasureData,
  ObjectiveData,
  PageData,
  PartnershipData,
  PlanData,
  PriorityData,
  ReportingYearData,
  ReviewData,
} from '../../schemas/index.ts';

export interface DataByType {
  partnership: PartnershipData;
  plan: PlanData;
  year: ReportingYearData;
  group: GroupData;
  priority: PriorityData;
  objective: ObjectiveData;
  action: ActionData;
  measure: MeasureData;
  review: ReviewData;
  page: PageData;
}

export interface Entry<T extends ContentType = ContentType> {
  type: T;
  partnership: string;
  id: string;
  data: DataByType[T];
  /** The Markdown body. */
  body: string;
  /** Path shown in messages, relative to where the command was run. */
  file: string;
  /** Where the file is, for "Edit this page" and "Last updated", whatever folder the build runs in. */
  absolutePath: string;
  /** The frontmatter's lines, when known, to point a message at a line. */
  frontmatterLines?: string[];
}

export type AnyEntry = { [T in ContentType]: Entry<T> }[ContentType];
