/**
 * The largest things the tool reads. Each is far above any real plan's (the longest file in the
 * two bundled plans is under 8 kB), so only a mistake or an attack meets one: a pasted document,
 * a runaway script, a YAML "billion laughs". Each limit is named in its error message.
 */
export const limits = {
  /** One content file, in bytes. */
  fileBytes: 1024 * 1024,
  /** The Markdown body of one file, in characters. */
  bodyCharacters: 200_000,
  /** One text value in the frontmatter (a title, an outcome, a progress update), in characters. */
  fieldCharacters: 20_000,
  /**
   * Values in one file's frontmatter, counting each use of a YAML alias (`*name`) as a copy of
   * what it names: aliases let a few lines expand to billions of values.
   */
  frontmatterValues: 10_000,
  /**
   * Levels of lists and groups of fields inside each other in one file's frontmatter. The
   * deepest a plan goes is three (a rating scale's levels, each a group of fields).
   */
  frontmatterDepth: 100,
  /**
   * A CSV file given to `npm run import`, in bytes, refused before it is read. The published
   * actions.csv has about 400 bytes a row (the bundled partnerships' 37 and 39 actions make
   * 13 and 15 kB), so a partnership with 1,000 actions publishes about 400 kB and this is over
   * ten times that. Reading a CSV takes 50 to 70 times its size in memory (a 10 MB file of bad
   * rows took 520 MB), so the limit keeps an import within what any laptop has.
   */
  importCsvBytes: 5 * 1024 * 1024,
} as const;
