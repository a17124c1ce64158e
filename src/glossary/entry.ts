/** One entry of a glossary, in its own module so the default list (./default.ts) and the merging (./glossary.ts) both read it without importing each other. */
export interface GlossaryEntry {
  /** The abbreviation as written, like "CSE". */
  term: string;
  /** What it stands for, like "child sexual exploitation". */
  meaning: string;
  /** Other ways of writing the same thing. */
  also?: readonly string[];
  /** Wider topics a search for it should also find, after the exact matches. */
  related?: readonly string[];
}
