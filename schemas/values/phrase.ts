/**
 * How search compares words and phrases: lower case, with punctuation as spaces, so "Self-harm",
 * "self harm" and "SELF HARM" are the same phrase, and "child's" is "child". The query model
 * (src/search/query.ts) and the checks on a partnership's glossary and vocabulary use this one rule.
 */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}
