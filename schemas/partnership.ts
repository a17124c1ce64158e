/**
 * A Safeguarding Children Partnership, or another body that plans are shared with or owned by (a
 * Safeguarding Adults Board, a Community Safety Partnership, a regional group): who it is, who
 * leads it, what it stands for and the words it uses. Its folder name is its id; its body is a
 * short introduction. A body gets a site of its own when it owns or shares at least one plan.
 */
import { z } from 'astro/zod';
import { isoDate, levelLabels, markdown, plainText, ratingScale, secureWebAddress, slug, webAddress } from './common.ts';
import { accessibilityStatement } from './accessibility.ts';
import { branding } from './branding.ts';
import { childrensServices, partnershipContact } from './contact.ts';
import { glossaryList } from './glossary.ts';
import { vocabularyList } from './vocabulary.ts';
import { yearlyReportSettings } from './report-sections.ts';

/** The kinds of body that plans are written by or shared with. */
export const bodyKindValues = [
  'safeguarding-children-partnership',
  'safeguarding-adults-board',
  'community-safety-partnership',
  'health-and-wellbeing-board',
  'regional-group',
  /**
   * The shared home of work several partnerships (and boards) do together, like the
   * pan-Bedfordshire priorities: its plans are published on each owner's site, named under
   * `owners:`; it has no site of its own.
   */
  'joint-arrangement',
  'other',
] as const;
export const bodyKind = z.enum(bodyKindValues);
export type BodyKind = z.infer<typeof bodyKind>;

/** A cross-cutting strand items can be tagged with, like "Prevent" or "Voice of the child". */
export const strand = z.strictObject({
  /** What items write in `strands:`, like "prevent". */
  id: slug,
  /** Its name, like "Prevent". */
  name: plainText,
  /** What it covers, in Markdown, shown on its page. */
  description: markdown.optional(),
});

export const partnerKindValues = ['local-authority', 'health', 'police'] as const;

/** One of the three statutory safeguarding partners. */
export const safeguardingPartner = z.strictObject({
  /** The organisation's name. */
  name: plainText,
  /** Which of the three statutory partners it is. */
  kind: z.enum(partnerKindValues),
  /** More detail, like "on behalf of the Hampshire, Southampton and Isle of Wight CCG". */
  note: plainText.optional(),
});

/** Another partnership this one works jointly with. */
export const jointPartnership = z.strictObject({
  /** The id used for it in items' `joint` fields; if a partnership folder has this id, its site is linked. */
  id: slug,
  /** Its full name. */
  name: plainText,
  /** Its abbreviation, like "IOWSCP". */
  shortName: plainText.optional(),
  /** What sort of body it is; a Safeguarding Children Partnership unless said otherwise. */
  kind: bodyKind.default('safeguarding-children-partnership'),
  /** Its website. */
  url: webAddress.optional(),
});

/** Where the browser editor saves: a GitHub repository and the branch its pull requests go to. */
export const githubEditor = z.strictObject({
  /** The repository as GitHub names it, owner and name, like "hampshire-scp/business-plan". */
  repository: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/,
      'a GitHub repository written as owner/name, like "hampshire-scp/business-plan"',
    ),
  /** The branch the site is published from, which each pull request asks to change. */
  branch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,100}$/, 'a branch name like "main"')
    .default('main'),
  /**
   * The address of the sign-in service (a copy of sveltia-cms-auth) that lets editors sign in
   * with their GitHub account, like https://plan-sign-in.example.workers.dev. Left out, editors
   * sign in with a personal access token of their own.
   */
  signIn: secureWebAddress.optional(),
});
export type GithubEditorData = z.infer<typeof githubEditor>;

/** A named value or principle with its meaning. */
export const namedStatement = z.strictObject({
  /** Its name, like "Transparency". */
  name: plainText,
  /** What it means, in Markdown. */
  text: markdown,
});

export const partnershipSchema = z.strictObject({
  /** Full name, like "Hampshire Safeguarding Children Partnership". */
  name: plainText,
  /** Abbreviation, like "HSCP". */
  shortName: plainText,
  /** The area it covers, like "Hampshire". */
  area: plainText,
  /** What sort of body it is; a Safeguarding Children Partnership unless said otherwise. */
  kind: bodyKind.default('safeguarding-children-partnership'),
  /** The three safeguarding partners: local authority, health and police. */
  partners: z.array(safeguardingPartner).default([]),
  /** Relevant agencies that cooperate with the partners (schools, probation, voluntary sector...). */
  relevantAgencies: z.array(plainText).default([]),
  /** Partnerships it works jointly with. */
  jointWith: z.array(jointPartnership).default([]),
  /** Its purpose, in Markdown. */
  purpose: markdown.optional(),
  /** Its vision, in Markdown. */
  vision: markdown.optional(),
  /** Its values, each a name and what it means. */
  values: z.array(namedStatement).default([]),
  /** A line introducing its principles, like where they were adopted from. */
  principlesNote: plainText.optional(),
  /** Its principles, each a name and what it means. */
  principles: z.array(namedStatement).default([]),
  /** The names it gives to the levels of its plans. */
  labels: levelLabels.optional(),
  /** Its own rating scale, like BRAG, in place of red/amber/green. */
  ratingScale: ratingScale.optional(),
  /** Cross-cutting strands its items can be tagged with, like Prepare, Prevent, Protect and Pursue. */
  strands: z.array(strand).default([]),
  /** Its own website, for "more information" links. */
  website: webAddress.optional(),
  /** Format 1: its brand colour as `#rrggbb`. From format 2 it is written under `branding:` (src/model/content-format.ts). */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour written like "#1d4f91"')
    .optional(),
  /** How many months without a progress update before open work is flagged "no recent update". */
  staleAfterMonths: z.number().int().positive().default(6),
  /** How its yearly report is written: the edition of Working Together it follows (schemas/report-sections.ts). */
  yearlyReport: yearlyReportSettings.default({ edition: 2023 }),
  /** The repository holding this content, for "Edit this page" links, like https://github.com/org/plan. */
  repository: secureWebAddress.optional(),
  /** The branch of that repository the site is published from. */
  branch: plainText.default('main'),
  /**
   * Editing on GitHub: the repository on GitHub that holds these files, and its branch. When it is
   * given, the build adds an editor to the site at /admin/ (Sveltia CMS) where each save becomes
   * a branch and a pull request for review; left out, the site has no editor.
   */
  editor: githubEditor.optional(),

  /** Abbreviations its plan uses, added to the tool's default glossary (or replacing an entry there with the same term). */
  glossary: glossaryList,
  /** Words its readers search for, each with the words its plan uses for the same thing, added to the tool's default vocabulary. */
  vocabulary: vocabularyList,

  // Contact details, for the "Worried about a child?" panel on every page and the accessibility statement.
  /** Where to report a worry about a child: the council's children's services "front door". */
  childrensServices: childrensServices.optional(),
  /** How to reach the partnership itself: email, phone and address. */
  contact: partnershipContact.optional(),
  /**
   * The web address of the local multi-agency safeguarding children procedures, for
   * professionals: the "Worried about a child?" page links to it.
   */
  procedures: webAddress.optional(),
  /** Its accessibility statement for its site: its compliance, what is not accessible, how soon it replies. */
  accessibility: accessibilityStatement.optional(),
  /** The day the partnership last reviewed its accessibility statement; the statement shows it, and never the build date instead. */
  accessibilityReviewedOn: isoDate.optional(),

  // Content format and branding (src/model/content-format.ts; plan-publisher init and migrate).
  /** The version of the content format this partnership's files are written in. Left out: format 1. */
  format: z.number().int().positive().optional(),
  /** Format 2 on: the site's colour, logo and footer links. */
  branding: branding.optional(),
});
export type PartnershipData = z.infer<typeof partnershipSchema>;
