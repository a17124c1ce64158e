/**
 * The first use of each abbreviation on a page, explained: `CSE` becomes
 * `<abbr title="Child sexual exploitation">CSE</abbr>` the first time it appears in the page's
 * main content, wherever that is (a title, an outcome, the body, a progress update), and is left
 * alone after that. Works on the finished page's HTML (src/middleware.ts) so "first" means first
 * as a reader meets it, whichever component wrote the words.
 *
 * Only text between tags is changed, and never inside <abbr>, <script>, <style>, <noscript>,
 * <textarea>, anything `hidden` or marked `data-no-abbr` (the glossary itself). Terms match case-sensitively and as whole words, so "SEND"
 * is explained and the verb "send" is not.
 */
import { meaningText, type GlossaryEntry } from './glossary.ts';

const skipped = new Set(['abbr', 'script', 'style', 'noscript', 'textarea', 'template', 'title']);
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marks the first use of each term inside the page's <main>; returns the page unchanged if it has none. */
export function markFirstUses(html: string, entries: readonly GlossaryEntry[]): string {
  const start = html.search(/<main\b/);
  const end = html.lastIndexOf('</main>');
  if (start === -1 || end === -1 || !entries.length) return html;
  const byTerm = new Map(entries.map((e) => [escapeHtml(e.term), e]));
  const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // A term, or its plural, standing as a word of its own.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}&])(${terms.join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
  const seen = new Set<string>();
  const stack: Array<{ name: string; skip: boolean }> = [];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
  const main = html.slice(start, end).replace(token, (whole: string, closing?: string, name?: string, attributes?: string) => {
    if (name !== undefined) {
      const tag = name.toLowerCase();
      if (closing) {
        const at = stack.map((s) => s.name).lastIndexOf(tag);
        if (at !== -1) stack.length = at;
      } else if (!voidElements.has(tag) && !attributes?.trimEnd().endsWith('/')) {
        const skip =
          (stack.at(-1)?.skip ?? false) || skipped.has(tag) || /\s(?:hidden|data-no-abbr)(?:[\s=]|$)/.test(` ${attributes ?? ''}`);
        stack.push({ name: tag, skip });
      }
      return whole;
    }
    if (whole.startsWith('<') || stack.at(-1)?.skip) return whole;
    return whole.replace(pattern, (match: string, term: string) => {
      if (seen.has(term)) return match;
      seen.add(term);
      return `<abbr title="${escapeHtml(meaningText(byTerm.get(term)!))}">${match}</abbr>`;
    });
  });
  return html.slice(0, start) + main + html.slice(end);
}
