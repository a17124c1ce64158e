/**
 * A Safeguarding Children Partnership: who it is, who leads it, what it stands for and the
 * words it uses. Its folder name is its id; its body is a short introduction.
 */
import { z } from 'astro/zod';
import { isoDate, levelLabels, markdown, secureWebAddress, slug, webAddress } from './common.ts';
import { childrensServices, partnershipContact } from './contact.ts';

export const partnerKindValues = ['local-authority', 'health', 'police'] as const;

/** One of the three statutory safeguarding partners. */
export const safeguardingPartner = z.strictObject({
  /** The organisation's name. */
  name: z.string().trim().min(1),
  /** Which of the three statutory partners it is. */
  kind: z.enum(partnerKindValues),
  /** More detail, like "on behalf of the Hampshire, Southampton and Isle of Wight CCG". */
  note: z.string().trim().min(1).optional(),
});

/** Another partnership this one works jointly with. */
export const jointPartnership = z.strictObject({
  /** The id used for it in items' `joint` fields; if a partnership folder has this id, its site is linked. */
  id: slug,
  /** Its full name. */
  name: z.string().trim().min(1),
  /** Its abbreviation, like "IOWSCP". */
  shortName: z.string().trim().min(1).optional(),
  /** Its website. */
  url: webAddress.optional(),
});

/** A named value or principle with its meaning. */
export const namedStatement = z.strictObject({
  /** Its name, like "Transparency". */
  name: z.string().trim().min(1),
  /** What it means, in Markdown. */
  text: markdown,
});

export const partnershipSchema = z.strictObject({
  /** Full name, like "Hampshire Safeguarding Children Partnership". */
  name: z.string().trim().min(1),
  /** Abbreviation, like "HSCP". */
  shortName: z.string().trim().min(1),
  /** The area it covers, like "Hampshire". */
  area: z.string().trim().min(1),
  /** The three safeguarding partners: local authority, health and police. */
  partners: z.array(safeguardingPartner).default([]),
  /** Relevant agencies that cooperate with the partners (schools, probation, voluntary sector...). */
  relevantAgencies: z.array(z.string().trim().min(1)).default([]),
  /** Partnerships it works jointly with. */
  jointWith: z.array(jointPartnership).default([]),
  /** Its purpose, in Markdown. */
  purpose: markdown.optional(),
  /** Its vision, in Markdown. */
  vision: markdown.optional(),
  /** Its values, each a name and what it means. */
  values: z.array(namedStatement).default([]),
  /** A line introducing its principles, like where they were adopted from. */
  principlesNote: z.string().trim().min(1).optional(),
  /** Its principles, each a name and what it means. */
  principles: z.array(namedStatement).default([]),
  /** The names it gives to the levels of its plans. */
  labels: levelLabels.optional(),
  /** Its own website, for "more information" links. */
  website: webAddress.optional(),
  /** Its brand colour as `#rrggbb`, used for the header; it must be dark enough for white text. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour written like "#1d4f91"')
    .optional(),
  /** How many months without a progress update before open work is flagged "no recent update". */
  staleAfterMonths: z.number().int().positive().default(6),
  /** The repository holding this content, for "Edit this page" links, like https://github.com/org/plan. */
  repository: secureWebAddress.optional(),
  /** The branch of that repository the site is published from. */
  branch: z.string().trim().min(1).default('main'),

  // Contact details, for the "Worried about a child?" panel on every page and the accessibility statement.
  /** Where to report a worry about a child: the council's children's services "front door". */
  childrensServices: childrensServices.optional(),
  /** How to reach the partnership itself: email, phone and address. */
  contact: partnershipContact.optional(),
  /** The day the partnership last reviewed its accessibility statement; the statement shows it, and never the build date instead. */
  accessibilityReviewedOn: isoDate.optional(),
});
export type PartnershipData = z.infer<typeof partnershipSchema>;
