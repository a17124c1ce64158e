/**
 * Whether text shows anything. A title or a name made only of zero-width spaces, joiners,
 * direction controls or blank fillers looks empty on every page, link and table cell it reaches,
 * yet is not empty to the computer: it comes with text copied from web pages, Word or chat
 * programs, or from someone hiding an item. The schemas refuse such text (schemas/common.ts).
 */

/**
 * Characters that show nothing: white space of every width, controls, format characters (zero
 * width space and joiners, word joiner, byte order mark, soft hyphen, Mongolian vowel separator,
 * direction marks, embeddings and isolates, invisible operators, tags), variation selectors, the
 * combining grapheme joiner, and the blank "letters" (Hangul and halfwidth fillers, Khmer
 * inherent vowels, the braille blank) that fonts draw as nothing.
 */
const invisible = /[\s\p{Cc}\p{Cf}\p{Z}\p{Variation_Selector}\u115F\u1160\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5/gu;

/** True when at least one character of the text can be seen. */
export function hasVisibleText(text: string): boolean {
  return text.replace(invisible, '') !== '';
}

/** The invisible characters a text holds, other than plain spaces, as "U+200B, U+FEFF", each once. */
export function invisibleCharacters(text: string): string {
  const found = new Set<string>();
  for (const char of text.match(invisible) ?? []) {
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') {
      found.add(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }
  return [...found].join(', ');
}
