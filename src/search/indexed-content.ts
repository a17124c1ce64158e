/**
 * What search knows about a page, decided from the plan itself rather than from the page's
 * layout: its title and code (searched as Pagefind metadata, and boosted there), the blocks of
 * its own content (the only text indexed and excerpted), and the filters it can be narrowed by.
 * Status, groups, dates, lists of other items and every other piece of page furniture are left
 * out, so a search for "complete" or "accountable" finds nothing, and an excerpt never reads
 * "StatusComplete Accountable...". SearchData.astro writes this into each page; the word list
 * for "did you mean" (words.json) is made from the same blocks.
 *
 * A block that other pages of the site have word for word (a lead-in the plan wrote once above
 * a list of actions, copied into each) is the page's context, not its own text: it is searched,
 * but kept out of the text excerpts are drawn from, so ten results never show the same excerpt.
 */
import { isTextMeasure } from '../../schemas/index.ts';
import { plainText } from '../site/render-markdown.ts';
import type { AnyNode, ItemNode, MeasureNode, PartnershipNode, ReviewNode } from '../model/graph/nodes.ts';
import { noStatusName, statusNames } from '../model/resolve/status.ts';
import { codedTitle } from '../site/wording.ts';
import { groupKindNames } from '../site/groups.ts';

/** The kind of page, which ranks it: a page that names a topic before the single actions on it. */
export type PageLevel = 'plan' | 'priority' | 'objective' | 'action' | 'group' | 'year' | 'strand' | 'measure' | 'review';

export interface IndexedContent {
  level: PageLevel;
  /** Searched as metadata: a match here is a page that names the topic. */
  title: string;
  /** The short title an item may have (`short:`): the result's link, with the full title below it. */
  short?: string;
  /** A short reference the plan uses (like "P2"), or a group's acronym; searched as metadata too. */
  code?: string;
  /** Plain text, one block per paragraph of the page's own content, in page order. */
  blocks: string[];
  /** Blocks other pages of the site have word for word: searched, never excerpted. */
  context: string[];
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
  if (!found) {
    const own = contentOf(node);
    const shared = 'partnership' in node ? sharedBlocks(node.partnership) : new Set<string>();
    const content = own && { ...own, blocks: own.blocks.filter((b) => !shared.has(b)), context: own.blocks.filter((b) => shared.has(b)) };
    known.set(node, (found = { content }));
  }
  return found.content;
}

/** Every node of a partnership that has a page search indexes: its pages, and words.json's words. */
export function searchedNodes(p: PartnershipNode): AnyNode[] {
  return [...p.plans, ...p.priorities, ...p.objectives, ...p.actions, ...p.groups, ...p.years, ...p.strands, ...p.measures, ...p.reviews];
}

const sharedByPartnership = new WeakMap<PartnershipNode, Set<string>>();

/** Blocks that more than one of a partnership's searched pages have, word for word. */
function sharedBlocks(p: PartnershipNode): Set<string> {
  let shared = sharedByPartnership.get(p);
  if (!shared) {
    const seen = new Set<string>();
    shared = new Set();
    for (const node of searchedNodes(p)) {
      for (const block of new Set(contentOf(node)?.blocks ?? [])) (seen.has(block) ? shared : seen).add(block);
    }
    sharedByPartnership.set(p, shared);
  }
  return shared;
}

/** What search indexes for a page, before the blocks it shares with other pages are set apart. */
type OwnContent = Omit<IndexedContent, 'context'>;

/** A priority's, objective's or action's page: what the plan says the work is, then its progress. */
function itemContent(node: ItemNode): OwnContent {
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
    ...(data.short ? { short: data.short } : {}),
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

/** A measure's page, found under each priority whose work it evidences. */
function measureContent(node: MeasureNode): OwnContent {
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

/**
 * A review's page: what it found and what it recommends, found by the words of either; the
 * progress on its recommendations, like an action's updates, counts for less.
 */
function reviewContent(node: ReviewNode): OwnContent {
  const data = node.entry.data;
  return {
    level: 'review',
    title: data.title,
    blocks: nonEmpty([text(data.summary), text(node.entry.body), ...data.recommendations.map((r) => text(r.text))]),
    updates: nonEmpty(data.recommendations.flatMap((r) => r.progress.map((u) => text(u.text)))),
    filters: [['type', 'Review']],
  };
}

function contentOf(node: AnyNode): OwnContent | undefined {
  if (isItem(node)) return itemContent(node);
  if (node.kind === 'measure') return measureContent(node);
  if (node.kind === 'review') return reviewContent(node);
  const page = (level: PageLevel, title: string, blocks: string[], filters: IndexedContent['filters'], code?: string): OwnContent => ({
    level,
    title,
    code,
    blocks: nonEmpty(blocks),
    updates: [],
    filters,
  });
  switch (node.kind) {
    case 'group': {
      const data = node.entry.data;
      const filters: IndexedContent['filters'] = [
        ['type', groupKindNames[data.kind].singular],
        ['group', data.name],
      ];
      return page('group', data.name, [data.remit ?? '', text(node.entry.body)], filters, data.acronym);
    }
    case 'year':
      return page(
        'year',
        `Reporting year ${node.entry?.data.title ?? node.id}`,
        [text(node.entry?.body)],
        [
          ['type', 'Reporting year'],
          ['year', node.id],
        ],
      );
    case 'strand':
      return page(
        'strand',
        node.name,
        [text(node.description)],
        [
          ['type', 'Strand'],
          ['strand', node.name],
        ],
      );
    case 'plan': {
      const data = node.entry.data;
      const parts = node.parts.flatMap((p) => [p.part.title, text(p.part.summary)]);
      return page('plan', data.title, [text(node.entry.body), ...parts, text(data.reporting)], [['type', 'Plan']]);
    }
    default:
      return undefined;
  }
}

/** Every word search indexes on a site, lower case, for "did you mean": the site's own vocabulary. */
export function siteWords(contents: IndexedContent[]): string[] {
  const words = new Set<string>();
  for (const c of contents) {
    for (const block of [c.title, c.code ?? '', ...c.blocks, ...c.context, ...c.updates]) {
      for (const word of block.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? []) {
        const clean = word.replace(/['’]s$/, '');
        if (clean.length >= 3 && clean.length <= 30) words.add(clean);
      }
    }
  }
  return [...words].sort();
}
