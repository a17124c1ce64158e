/**
 * What search knows about a page, decided from the plan itself rather than from the page's
 * layout: its title and code (searched as Pagefind metadata, and boosted there), the blocks of
 * its own content (the only text indexed and excerpted), and the filters it can be narrowed by.
 * Status, groups, dates, lists of other items and every other piece of page furniture are left
 * out, so a search for "complete" or "accountable" finds nothing, and an excerpt never reads
 * "StatusComplete Accountable...". SearchData.astro writes this into each page; the word list
 * for "did you mean" (words.json) is made from the same blocks.
 */
import { isTextMeasure } from '../../schemas/index.ts';
import { plainText } from '../markdown.ts';
import type { AnyNode, ItemNode } from '../model/graph/nodes.ts';
import { noStatusName, statusNames } from '../model/resolve/status.ts';
import { codedTitle } from '../site/format.ts';
import { groupKindNames } from '../site/groups.ts';

/** The kind of page, which ranks it: a page that names a topic before the single actions on it. */
export type PageLevel = 'plan' | 'priority' | 'objective' | 'action' | 'group' | 'year' | 'strand' | 'measure';

export interface IndexedContent {
  level: PageLevel;
  /** Searched as metadata: a match here is a page that names the topic. */
  title: string;
  /** A short reference the plan uses (like "P2"), or a group's acronym; searched as metadata too. */
  code?: string;
  /** Plain text, one block per paragraph of the page's own content, in page order. */
  blocks: string[];
  /** Plain text of progress reports: indexed, but worth less than what the plan says the work is. */
  updates: string[];
  /** Filter name to values, as the search page offers them (see src/search/state.ts). */
  filters: Array<[name: string, value: string]>;
}

const text = (markdown: string | undefined) => (markdown ? plainText(markdown) : '');
const nonEmpty = (blocks: string[]) => blocks.map((b) => b.trim()).filter(Boolean);

function isItem(node: AnyNode): node is ItemNode {
  return node.kind === 'priority' || node.kind === 'objective' || node.kind === 'action';
}

/** Worked out once per node: its page and the site's word list (words.json) both need it. */
const known = new WeakMap<AnyNode, { content: IndexedContent | undefined }>();

/** What search indexes for a page about `node`; undefined for pages that are not searched. */
export function indexedContent(node: AnyNode): IndexedContent | undefined {
  let found = known.get(node);
  if (!found) known.set(node, (found = { content: contentOf(node) }));
  return found.content;
}

function contentOf(node: AnyNode): IndexedContent | undefined {
  if (isItem(node)) {
    const data = node.entry.data;
    const priority = node.kind === 'priority' ? node : node.priority;
    const filters: IndexedContent['filters'] = [['type', node.label.singular]];
    if (priority) filters.push(['priority', codedTitle(priority)]);
    for (const g of node.facts.accountable.groups) filters.push(['group', g.entry.data.name]);
    for (const y of node.years) filters.push(['year', y.id]);
    for (const s of node.strands) filters.push(['strand', s.name]);
    const status = node.facts.status.status;
    // A plan that reports no statuses (statuses: none) offers no status to filter by.
    if (node.plan?.facts.reportsStatuses ?? true) filters.push(['status', status ? statusNames[status] : noStatusName]);
    if (node.facts.overdue) filters.push(['due', 'Overdue']);
    return {
      level: node.kind,
      title: data.title,
      code: data.code,
      // Related documents are found by their titles too: a search for "neglect toolkit" finds the item that links it.
      blocks: nonEmpty([
        ...data.outcomes.map((o) => text(o.text)),
        ...data.measures.filter(isTextMeasure).map((m) => m.text),
        text(node.entry.body),
        ...data.links.map((l) => l.title),
      ]),
      updates: nonEmpty(data.progress.map((u) => text(u.text))),
      filters,
    };
  }
  if (node.kind === 'group') {
    const data = node.entry.data;
    return {
      level: 'group',
      title: data.name,
      code: data.acronym,
      blocks: nonEmpty([data.remit ?? '', text(node.entry.body)]),
      updates: [],
      filters: [
        ['type', groupKindNames[data.kind].singular],
        ['group', data.name],
      ],
    };
  }
  if (node.kind === 'year') {
    return {
      level: 'year',
      title: `Reporting year ${node.entry?.data.title ?? node.id}`,
      blocks: nonEmpty([text(node.entry?.body)]),
      updates: [],
      filters: [
        ['type', 'Reporting year'],
        ['year', node.id],
      ],
    };
  }
  if (node.kind === 'strand') {
    return {
      level: 'strand',
      title: node.name,
      blocks: nonEmpty([text(node.description)]),
      updates: [],
      filters: [
        ['type', 'Strand'],
        ['strand', node.name],
      ],
    };
  }
  if (node.kind === 'measure') {
    const data = node.entry.data;
    const priorities = node.evidences.map((e) => (e.item.kind === 'priority' ? e.item : e.item.priority));
    return {
      level: 'measure',
      title: data.title,
      blocks: nonEmpty([data.counts, text(node.entry.body), data.source]),
      updates: [],
      filters: [
        ['type', 'Measure'],
        ...[...new Set(priorities.filter((p) => p !== undefined))].map((p): [string, string] => ['priority', codedTitle(p)]),
      ],
    };
  }
  if (node.kind === 'plan') {
    const data = node.entry.data;
    return {
      level: 'plan',
      title: data.title,
      blocks: nonEmpty([text(node.entry.body), ...node.parts.flatMap((p) => [p.part.title, text(p.part.summary)]), text(data.reporting)]),
      updates: [],
      filters: [['type', 'Plan']],
    };
  }
  return undefined;
}

/** Every word search indexes on a site, lower case, for "did you mean": the site's own vocabulary. */
export function siteWords(contents: IndexedContent[]): string[] {
  const words = new Set<string>();
  for (const c of contents) {
    for (const block of [c.title, c.code ?? '', ...c.blocks, ...c.updates]) {
      for (const word of block.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? []) {
        const clean = word.replace(/['’]s$/, '');
        if (clean.length >= 3 && clean.length <= 30) words.add(clean);
      }
    }
  }
  return [...words].sort();
}
