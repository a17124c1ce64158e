/**
 * feed.xml: an Atom feed (RFC 4287) of a partnership's progress updates, newest first, so
 * practitioners and the public can follow progress in a feed reader.
 */
import type { ItemNode, PartnershipNode } from '../model/graph/nodes.ts';
import { renderMarkdown } from '../site/render-markdown.ts';
import { escapeMarkup } from '../model/markup-text.ts';
import { statusNames } from '../model/resolve/status.ts';
import { absolute } from '../site/absolute.ts';

export interface FeedUpdate {
  item: ItemNode;
  index: number;
  date: string;
  by?: string;
  status?: string;
  text: string;
}

/** Every progress update of every priority, objective and action, newest first. */
export function progressUpdates(partnership: PartnershipNode): FeedUpdate[] {
  const items: ItemNode[] = [...partnership.priorities, ...partnership.objectives, ...partnership.actions];
  return items
    .flatMap((item) =>
      item.entry.data.progress.map((u, index) => ({ item, index, date: u.date, by: u.by, status: u.status, text: u.text })),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.item.id.localeCompare(b.item.id) || b.index - a.index);
}

/**
 * Atom ids must be absolute IRIs. With the site's URL they are the pages' URLs; without one
 * (a build with no --site), a URN made from the path, which stays stable across builds.
 */
export function atomId(path: string, site: string | undefined): string {
  return site ? absolute(path, site) : `urn:plan-publisher:${path.replace(/^\/+|\/+$/g, '').replace(/[/#]+/g, ':')}`;
}

export function atomFeed(
  partnership: PartnershipNode,
  options: { site?: string; hrefOf: (item: ItemNode) => string; homeHref: string; feedHref: string; generated: string },
): string {
  const data = partnership.entry.data;
  const updates = progressUpdates(partnership);
  const feedId = atomId(options.feedHref, options.site);
  const updated = `${updates[0]?.date ?? options.generated}T00:00:00Z`;
  const entries = updates.map((u) => {
    const path = options.hrefOf(u.item);
    const link = absolute(path, options.site);
    const title = `${u.item.entry.data.title}${u.status ? `: ${statusNames[u.status as keyof typeof statusNames]}` : ''}`;
    return [
      '  <entry>',
      `    <id>${escapeMarkup(atomId(`${path}#update-${u.date}-${u.index + 1}`, options.site))}</id>`,
      `    <title>${escapeMarkup(title)}</title>`,
      `    <updated>${u.date}T00:00:00Z</updated>`,
      `    <author><name>${escapeMarkup(u.by ?? data.shortName)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(link)}"/>`,
      `    <category term="${escapeMarkup(u.item.label.singular)}"/>`,
      `    <content type="html">${escapeMarkup(renderMarkdown(u.text))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${escapeMarkup(feedId)}</id>`,
    `  <title>${escapeMarkup(`${data.name}: progress updates`)}</title>`,
    `  <subtitle>${escapeMarkup(`Progress on the ${data.shortName} business plan, newest first.`)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeMarkup(data.name)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(absolute(options.feedHref, options.site))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(absolute(options.homeHref, options.site))}"/>`,
    `  <rights>Open Government Licence v3.0</rights>`,
    '  <generator>Plan Publisher</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
