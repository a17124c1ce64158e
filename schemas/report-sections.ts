/**
 * What the yearly report of a Safeguarding Children Partnership must contain, from the statutory
 * guidance Working Together to Safeguard Children, in the edition a partnership follows. A year
 * file writes each required section under a `## ` heading of its body, named as below (or by one
 * of its other names); the check warns, per year whose report is due, about those not written.
 *
 * Sources, and how far each point is checked (December 2026). The guidance's own text (GOV.UK)
 * could not be reached from here, so no paragraph number is given: each point below rests on a
 * public text that quotes or reports it, named in content/README.md, "Writing the yearly report".
 * - 2018 edition, chapter 3 (quoted by Buckinghamshire Council's cabinet minutes on its
 *   partnership's 2022-23 report, and by Coventry City Council's on 2021-22): a report "at least
 *   once in every 12 months period" that "must set out what they have done as a result of the
 *   arrangements, including on child safeguarding practice reviews, and how effective these
 *   arrangements have been in practice"; it "should include" the four topics below, whose `asks`
 *   are the guidance's words as those minutes quote them.
 * - 2023 edition, chapter 2: a partnership's page quotes, without naming the edition, that the
 *   partners "must jointly report on the activity they have undertaken in a 12-month period",
 *   with the same two musts; the DfE's summary of changes (as reported) says chapter 2 clarifies
 *   "independent scrutiny, funding, and reporting". That the report must cover independent
 *   scrutiny and funding, and that it is sent to the Child Safeguarding Practice Review Panel and
 *   the What Works Centre (now Foundations) within seven days of publication, come from the issue
 *   that asked for this list (issue 22) and are not confirmed by any text found; they are kept,
 *   and marked so in the guide.
 * `publishWithinMonths` is the 12 months both editions state; the texts found name no day to
 * count them from, so the check counts them from the end of the year the report is on, or from
 * the last report published before it when that is sooner (src/model/resolve/yearly-report.ts).
 */
import { z } from 'astro/zod';

export const workingTogetherEditions = [2018, 2023] as const;
export type WorkingTogetherEdition = (typeof workingTogetherEditions)[number];

/** The edition a partnership's yearly report follows: `yearlyReport: { edition: 2023 }` in partnership.md. */
export const workingTogetherEdition = z
  .union([z.literal(2018), z.literal(2023)], { error: 'expected 2018 or 2023, the edition of Working Together the report follows' })
  .default(2023);

/** How a partnership's yearly report is written: which guidance it follows. */
export const yearlyReportSettings = z.strictObject({
  /** The edition of Working Together to Safeguard Children it follows: 2018 or 2023 (the default). */
  edition: workingTogetherEdition,
});

/** One section the guidance asks the yearly report for. */
export interface RequiredSection {
  /** A stable name for it, used in the open data and in tests. */
  id: string;
  /** Its heading in the report, and the `## ` heading that writes it in a year file. */
  heading: string;
  /** Other headings that write it, as a business manager might put them. */
  alsoCalled: readonly string[];
  /** What the guidance asks for, in its own plain words. */
  asks: string;
  /** Where the guidance asks for it, and how far that is checked. */
  source: string;
}

const impact: RequiredSection = {
  id: 'impact',
  heading: 'Impact on children and families',
  alsoCalled: ['Impact', 'Impact on outcomes for children and families', 'Evidence of impact'],
  asks: 'Evidence of the impact of the work of the safeguarding partners and relevant agencies, including training, on outcomes for children and families from early help to looked-after children and care leavers.',
  source: 'the first point of the list of what the report should include (2018, chapter 3, as quoted)',
};
const littleProgress: RequiredSection = {
  id: 'little-progress',
  heading: 'Areas of little or no progress',
  alsoCalled: ['Little or no progress', 'Areas with little or no evidence of progress', 'Where progress has been limited'],
  asks: 'An analysis of any areas where there has been little or no evidence of progress on agreed priorities.',
  source: 'the second point of the list',
};
const reviews: RequiredSection = {
  id: 'reviews',
  heading: 'Decisions and actions on reviews',
  alsoCalled: ['Learning from reviews', 'Child safeguarding practice reviews', 'Reviews'],
  asks: "A record of decisions and actions taken by the partners in the report's period (or planned to be taken) to implement the recommendations of any local and national child safeguarding practice reviews, including any resulting improvements.",
  source: 'the third point of the list',
};
const feedback: RequiredSection = {
  id: 'feedback',
  heading: 'Feedback from children and families',
  alsoCalled: ['Voice of the child', 'Listening to children and families', 'Feedback'],
  asks: 'Ways in which the partners have sought and utilised feedback from children and families to inform their work and influence service provision.',
  source: 'the fourth point of the list',
};
const scrutiny: RequiredSection = {
  id: 'scrutiny',
  heading: 'Independent scrutiny',
  alsoCalled: ['Scrutiny', 'Independent scrutiny of the arrangements'],
  asks: 'How the arrangements were independently scrutinised in the year, and what the scrutiny found.',
  source: 'the 2023 edition, as issue 22 summarises it: not confirmed by any text found',
};
const funding: RequiredSection = {
  id: 'funding',
  heading: 'Funding and contributions',
  alsoCalled: ['Funding', 'Budget', "Partners' contributions"],
  asks: "The partners' funding of the arrangements and what each contributed.",
  source: 'the 2023 edition, as issue 22 summarises it: not confirmed by any text found',
};

export interface Edition {
  edition: WorkingTogetherEdition;
  title: string;
  /** The sections the report must have, in the order the report prints them. */
  sections: readonly RequiredSection[];
  /** "At least once in every 12 months": months after the year ends, or after the last report, by which it is overdue. */
  publishWithinMonths: number;
  /**
   * Days after publication within which it is sent on, and to whom: seven days, to the Panel and
   * the What Works Centre (2018) or Foundations (2023), as issue 22 gives it; no text found here
   * confirms either edition's wording.
   */
  sendWithinDays: number;
  sendTo: string;
}

export const editions: Record<WorkingTogetherEdition, Edition> = {
  2018: {
    edition: 2018,
    title: 'Working Together to Safeguard Children 2018, chapter 3 (multi-agency safeguarding arrangements)',
    sections: [impact, littleProgress, reviews, feedback],
    publishWithinMonths: 12,
    sendWithinDays: 7,
    sendTo: "the Child Safeguarding Practice Review Panel and the What Works Centre for Children's Social Care",
  },
  2023: {
    edition: 2023,
    title: 'Working Together to Safeguard Children 2023, chapter 2 (multi-agency safeguarding arrangements)',
    sections: [impact, littleProgress, reviews, feedback, scrutiny, funding],
    publishWithinMonths: 12,
    sendWithinDays: 7,
    sendTo: 'the Child Safeguarding Practice Review Panel and Foundations (the What Works Centre for Children and Families)',
  },
};
