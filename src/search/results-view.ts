/**
 * One result as the search page lists it (SearchPage.astro's markup): its title as a link, where
 * it sits and where it stands (its type in the partnership's words, code, status, priority), and
 * an excerpt of its own text with the searched words marked.
 */
import type { PagefindData } from './engine.ts';
import { normalise } from './query.ts';

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Pagefind's excerpt keeping only its <mark>s: every other tag becomes its plain text. */
function marked(html: string): DocumentFragment {
  const template = document.createElement('template'); // inert: nothing in it loads or runs
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    out.append(node.nodeName === 'MARK' ? element('mark', {}, node.textContent ?? '') : (node.textContent ?? ''));
  }
  return out;
}

/** Type, code and status; "No status reported" for an item without one. */
function facts(data: PagefindData): HTMLParagraphElement {
  const level = data.filters.level?.[0];
  const out = element('p', { className: 'result__facts' });
  const type = data.filters.type?.[0];
  if (type) out.append(element('span', { className: 'result__type' }, type));
  if (data.meta.code) out.append(' ', element('span', { className: 'result__code' }, data.meta.code));
  const isItem = level === 'priority' || level === 'objective' || level === 'action';
  const status = data.filters.status?.[0];
  if (status) out.append(' ', element('strong', { className: `tag tag--${status.toLowerCase().replace(/\s+/g, '-')}` }, status));
  else if (isItem) out.append(' ', element('span', { className: 'result__no-status' }, 'No status reported'));
  return out;
}

/**
 * The excerpt, unless it only repeats the title above it: a page whose own text is its title
 * (many actions are one sentence) shows none rather than the same words twice.
 */
function excerpt(data: PagefindData): HTMLParagraphElement | undefined {
  const fragment = marked(data.excerpt);
  const text = normalise(fragment.textContent ?? '');
  if (!text || normalise(data.meta.title ?? '').includes(text)) return undefined;
  const paragraph = element('p', { className: 'result__excerpt' });
  paragraph.append(fragment);
  return paragraph;
}

/** Where a page sits and where it stands: its type in the partnership's words, code, status and priority. */
export function resultItem(data: PagefindData): HTMLLIElement {
  const item = element('li', { className: 'result' });
  const heading = element('h2', { className: 'result__title' });
  // A short title is the link; the full one follows it, so the result still says what the work is.
  heading.append(element('a', { href: data.url }, data.meta.short || data.meta.title || data.url));
  item.append(heading);
  if (data.meta.short && data.meta.title) item.append(element('p', { className: 'result__full-title' }, data.meta.title));
  item.append(facts(data));
  const level = data.filters.level?.[0];
  const priority = data.filters.priority?.[0];
  if (priority && (level === 'objective' || level === 'action')) {
    const where = element('p', { className: 'result__where' }, 'In ');
    where.append(element('span', { className: 'result__priority' }, priority));
    item.append(where);
  }
  const own = excerpt(data);
  if (own) item.append(own);
  return item;
}
