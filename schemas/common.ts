/**
 * Building blocks shared by every content type. Each field is documented here, and the
 * authoring guide (content/README.md) gives the same words to authors; Astro turns the
 * schemas into JSON Schema for editor autocompletion of field names and values.
 */
import { z } from 'astro/zod';
import { dueExamples, parseDue } from './values/due.ts';
import { publishedMarkdown } from './values/markdown-source.ts';
import { dateInRange, dateRangeHint, firstYear, lastYear, yearInRange, yearRangeText } from './values/ranges.ts';
import { readableBackground } from './values/rating.ts';
import { isWebAddress } from './values/urls.ts';
import { hasVisibleText, invisibleCharacters } from './values/visible-text.ts';

/** A file's id: lower-case words joined by hyphens, as used in its file name and in every reference to it. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens, like "neglect-task-and-finish-group"');

/** Text of only invisible characters, refused the same way in every field. */
function invisibleIssue(text: string) {
  return {
    code: 'custom' as const,
    message: `expected text that can be seen, found only invisible characters (${invisibleCharacters(text)})`,
    input: text,
    params: {
      said: 'as-is',
      hint: 'these come with text copied from web pages, Word or chat programs: delete the value and type the words again',
    },
  };
}

/** The same text schema, refusing text that is there but shows nothing (schemas/values/visible-text.ts). */
export function visibleText(schema: z.ZodString) {
  return schema.check((ctx) => {
    if (ctx.value !== '' && !hasVisibleText(ctx.value)) ctx.issues.push(invisibleIssue(ctx.value));
  });
}

/**
 * Plain text, like a title, a name or a line of an address: trimmed, and never empty or made
 * only of invisible characters (zero-width spaces, direction controls...). It is published as
 * written: Markdown and comments in it are shown as they are.
 */
export const plainText = visibleText(z.string().trim().min(1));

/** A reporting year, written like `2020-21`: the first year and the last two digits of the next; it ends by 2100. */
export const reportingYearId = z.string().check((ctx) => {
  const value = ctx.value;
  // One message for one mistake: the shape first, then whether the years follow each other.
  if (/^[a-z0-9-]+\/\d{4}-\d{2}$/.test(value)) {
    // A year is a period, the same for every partnership: there is no one partnership's 2021-22.
    const period = value.slice(value.indexOf('/') + 1);
    ctx.issues.push({
      code: 'custom',
      message: `a reporting year written like "2020-21": a year is the same period for every partnership, so write "${period}"`,
      input: value,
    });
  } else if (!/^\d{4}-\d{2}$/.test(value)) {
    ctx.issues.push({ code: 'custom', message: 'a reporting year written like "2020-21"', input: value });
  } else if (Number(value.slice(5)) !== (Number(value.slice(0, 4)) + 1) % 100) {
    ctx.issues.push({
      code: 'custom',
      message: 'a reporting year whose second part is the year after the first, as in "2020-21"',
      input: value,
    });
  } else if (!yearInRange(Number(value.slice(0, 4))) || !yearInRange(Number(value.slice(0, 4)) + 1)) {
    const year = (from: number) => `${from}-${String((from + 1) % 100).padStart(2, '0')}`;
    ctx.issues.push({
      code: 'custom',
      message: `a reporting year from ${year(firstYear)} to ${year(lastYear - 1)}`,
      input: value,
      params: { hint: dateRangeHint },
    });
  }
});

/** A reference to another file by its id; `partnership/id` names another partnership's file, for declared joint work. */
export const reference = z
  .string()
  .regex(
    /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'an id like "training-sub-group", or "partnership/id" for another partnership\'s',
  );

/**
 * A calendar date from 1990 to 2100 (schemas/values/ranges.ts). YAML reads an unquoted `2021-03-31` as
 * a date and a quoted one as text: both are accepted and kept as the text `YYYY-MM-DD`, so the
 * site never shifts a date by a time zone.
 */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'a real date, written like 2021-03-31' });
      return z.NEVER;
    }
    value = value.toISOString().slice(0, 10);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    ctx.addIssue({ code: 'custom', message: 'a date written like 2021-03-31' });
    return z.NEVER;
  }
  if (!dateInRange(value)) {
    ctx.addIssue({ code: 'custom', message: `a date ${yearRangeText}`, params: { hint: dateRangeHint } });
    return z.NEVER;
  }
  return value;
});

/**
 * Text that may use Markdown (emphasis, links, lists). Comments (`<!-- -->`) are removed here, so
 * no output ever holds them; links the site will not carry (`javascript:`, pictures from other
 * sites) are refused, each with what to do instead.
 */
export const markdown = z
  .string()
  .trim()
  .min(1, 'some text')
  .transform((text, ctx) => {
    const published = publishedMarkdown(text);
    for (const problem of published.problems) {
      ctx.addIssue({ code: 'custom', message: problem.message, input: text, params: { said: 'as-is', hint: problem.hint } });
    }
    if (published.text.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'some text', input: text, params: { hint: 'a comment alone is never published' } });
    } else if (!hasVisibleText(published.text)) {
      ctx.addIssue(invisibleIssue(text));
    }
    return published.text.trim();
  });

/** A field holding a web address with one of the schemes, like https://www.example.org.uk. */
function webAddressOf(schemes: readonly string[], hint: string) {
  return z.string().check((ctx) => {
    if (!isWebAddress(ctx.value, schemes)) {
      ctx.issues.push({ code: 'custom', message: 'a web address starting with https://', input: ctx.value, params: { hint } });
    }
  });
}

/** A web site's address: https, or http for the few sites without it. Nothing that could run script. */
export const webAddress = webAddressOf(
  ['https', 'http'],
  'only https:// addresses (or http:// for sites without https) are linked from the site',
);

/** An address that must be https, like the repository "Edit this page" sends authors to. */
export const secureWebAddress = webAddressOf(['https'], 'only https:// addresses are linked from the site');

/**
 * Where a line of work stands. A small fixed set, so that every partnership's site,
 * open data and annual report mean the same thing by each word.
 */
export const statusValues = ['not-started', 'in-progress', 'delayed', 'complete', 'ongoing', 'cancelled'] as const;
export const status = z.enum(statusValues);
export type Status = z.infer<typeof status>;

/** The levels of the default rating scale, red/amber/green. */
export const ragValues = ['red', 'amber', 'green'] as const;

/**
 * A rating: the id of a level of the partnership's rating scale (`red`, `amber` or `green` by
 * default; `blue` too on a BRAG scale). Which ids are allowed is checked against the scale.
 */
export const rag = slug;
export type Rag = z.infer<typeof rag>;

/** A colour written like "#1d4f91". */
export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written like "#1d4f91"');

/** One level of a rating scale: its id (as written in `rag:`), its label, what it means and its colour. */
export const ratingLevel = z.strictObject({
  /** What items write in `rag:`, like "blue". */
  id: slug,
  /** How it is shown, like "Blue". */
  label: plainText,
  /** What it means, like "Complete" or "On track", shown beside the scale. */
  meaning: plainText.optional(),
  /** Its colour, like "#1d70b8": white or black text on it must be readable (WCAG AA). */
  colour: hexColour.check((ctx) => {
    if (/^#[0-9a-fA-F]{6}$/.test(ctx.value) && !readableBackground(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        message: 'a colour that white or black text can be read on (contrast 4.5:1)',
        input: ctx.value,
        params: { hint: 'choose a darker or a lighter shade' },
        // Let the scale's own check (ids used twice) still run, so every mistake shows at once.
        continue: true,
      });
    }
  }),
});

/** A partnership's own rating scale, replacing red/amber/green. */
export const ratingScale = z
  .strictObject({
    /** The scale's name, like "BRAG". */
    name: plainText,
    /** Its levels, in order, each with an id, label, meaning and colour: two to eight. */
    levels: z.array(ratingLevel).min(2).max(8),
  })
  // A refinement that runs even when a level has another problem, so every mistake shows at once.
  .superRefine((scale, ctx) => {
    const seen = new Set<string>();
    (Array.isArray(scale.levels) ? scale.levels : []).forEach((level, index) => {
      if (seen.has(level.id)) {
        ctx.addIssue({
          code: 'custom',
          message: `a different id: "${level.id}" is used twice`,
          input: level.id,
          path: ['levels', index, 'id'],
        });
      }
      seen.add(level.id);
    });
  });

/**
 * When the work is due, as the plan writes it: a date (2022-03-31), a month (March 2022), a
 * quarter of a reporting year (Q3 2021-22), the end of a reporting year (2021-22), or ongoing;
 * by 2100 at the latest.
 */
export const due = z.string().transform((text, ctx) => {
  const parsed = parseDue(text);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `a due date like ${dueExamples}`, input: text });
    return z.NEVER;
  }
  if (parsed.by !== undefined && !dateInRange(parsed.by)) {
    ctx.addIssue({ code: 'custom', message: `a due date ${yearRangeText}`, input: text, params: { hint: dateRangeHint } });
    return z.NEVER;
  }
  return parsed;
});

/**
 * A measure by which the work is judged: its text, and the target where the plan sets one; or a
 * measure file (in `measures/`) with figures, named by its id, as `measure: cp-plans-second-time`.
 */
export const measure = z.union([
  plainText.transform((text): { text: string; target?: string } => ({ text })),
  z.strictObject({
    /** What is measured, like "Number of practitioners trained". */
    text: plainText,
    /** The target, as the plan writes it, like "200 by March 2022". */
    target: plainText.optional(),
  }),
  z.strictObject({
    /** The id of a measure file (in `measures/`) whose figures evidence this item. */
    measure: reference,
    /** The outcome of this item the measure evidences, when it evidences one in particular: its number (from 1) or its id. */
    outcome: z.union([z.number().int().positive(), slug]).optional(),
  }),
]);
export type Measure = z.infer<typeof measure>;
/** A measure written as text, as plans state most of them. */
export type TextMeasure = Extract<Measure, { text: string }>;
/** A measure that names a measure file. */
export type MeasureReference = Extract<Measure, { measure: string }>;
export const isTextMeasure = (m: Measure): m is TextMeasure => 'text' in m;

/** One outcome an item states: its text, or its text with an id to cite it by and the plan's own code. */
export const outcome = z.union([
  markdown.transform((text): { text: string; id?: string; code?: string } => ({ text })),
  z.strictObject({
    /** What will be different, in Markdown. */
    text: markdown,
    /** An id other files cite it by in `serves:` and `outcome:`, like "fewer-repeat-missing". */
    id: slug.optional(),
    /** The plan's own number for it, like "1.1", shown in place of its place in the list. */
    code: plainText.optional(),
  }),
]);
export type Outcome = z.infer<typeof outcome>;

/** An outcome cited by its place in the list (1 is the first) or by its id. */
export const outcomeReference = z.union([z.number().int().positive(), slug]);

/** One dated report of progress on an item. */
export const progressUpdate = z.strictObject({
  /** The day the update was made, like 2021-03-31. */
  date: isoDate,
  /** Who reported it: a person's role or a group's name. */
  by: plainText.optional(),
  /** The status this update moved the item to, if it changed. */
  status: status.optional(),
  /** The red/amber/green rating given with this update, if any. */
  rag: rag.optional(),
  /** What changed, in Markdown. */
  text: markdown,
});
export type ProgressUpdate = z.infer<typeof progressUpdate>;

/** A level's name in the partnership's own words, like "Strategic Activity" / "Strategic Activities". */
export const label = z.strictObject({
  /** The name of one, like "Strategic Objective". */
  singular: plainText,
  /** The name of several, like "Strategic Objectives"; defaults to the singular with an "s". */
  plural: plainText.optional(),
});

/** The names a partnership (or one part of its plan) gives to each level of the plan. */
export const levelLabels = z.strictObject({
  /** The top level, like "Priority" or "Strategic Objective". */
  priority: label.optional(),
  /** The middle level, like "Strategic Objective" or "Outcome". */
  objective: label.optional(),
  /** The level of single lines of work, like "Action". */
  action: label.optional(),
});
export type LevelLabels = z.infer<typeof levelLabels>;
