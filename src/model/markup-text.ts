/**
 * Text that our own code writes into HTML, SVG or XML, outside Astro's templates (which escape
 * for themselves): the one rule for it. `&`, `<`, `>` and `"` become references, so the text
 * can neither open nor close markup, in element content or in a double-quoted attribute, in
 * HTML and in XML alike; and the characters XML 1.0 cannot hold even as references (most C0
 * controls, lone surrogates, U+FFFE, U+FFFF), and the DEL and C1 controls it discourages, are
 * dropped, since one would make a feed reader refuse a whole feed and none is visible anyway.
 */

const notXml = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeMarkup(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"]/g, (char) => references[char]);
}
