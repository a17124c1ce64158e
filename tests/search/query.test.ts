/**
 * The query model and ranking rule (src/search/query.ts) and spelling (src/search/spelling.ts)
 * on their own; the browser tests prove them on the real sites.
 */
import { describe, expect, it } from 'vitest';
import { markFirstUses } from '../../src/glossary/abbr.ts';
import { defaultGlossary } from '../../src/glossary/default.ts';
import { GlossaryMatcher, parseQuery, queryUnits, rank, relatedWeight, type PageHits } from '../../src/search/query.ts';
import { corrections, mistakes } from '../../src/search/spelling.ts';

const glossary = new GlossaryMatcher(defaultGlossary);
const labels = (query: string) => queryUnits(query, glossary).map((u) => u.label);

describe('reading a query', () => {
  it('keeps quoted phrases whole, even with curly quotes or an unclosed quote', () => {
    expect(parseQuery('"neglect strategy" toolkit')).toEqual([
      { text: 'neglect strategy', quoted: true },
      { text: 'toolkit', quoted: false },
    ]);
    expect(parseQuery('“every sleep counts')).toEqual([{ text: 'every sleep counts', quoted: true }]);
  });

  it('makes a glossary phrase one unit, with its abbreviation as another way to find it', () => {
    expect(labels('domestic abuse training')).toEqual(['domestic abuse', 'training']);
    const [cse] = queryUnits('CSEs', glossary);
    expect(cse.alternatives.map((a) => [a.text, a.weight])).toEqual([
      ['CSE', 1],
      ['child sexual exploitation', 1],
      ['sexual exploitation', 1],
      ['child exploitation', relatedWeight],
    ]);
    const [mash] = queryUnits('Multi agency safeguarding hub', glossary);
    expect(mash.alternatives[0].text).toBe('MASH');
  });

  it('drops words that carry no topic, unless they are all there is', () => {
    expect(labels('voice of the child')).toEqual(['voice', 'child']);
    expect(labels('the')).toEqual(['the']);
    expect(queryUnits('child', glossary)[0].alternatives.map((a) => a.text)).toEqual(['child', 'children']);
  });
});

describe('the ranking rule', () => {
  const page = (id: string, level: string, ...hits: Array<[number, boolean] | undefined>): PageHits => ({
    id,
    level,
    hits: hits.map((h) => (h ? { score: h[0], inTitle: h[1] } : undefined)),
  });

  it('puts topics named in their title first, then actions so named, then every word, then some', () => {
    const ranked = rank([
      page('action-body', 'action', [9, false], [9, false]),
      page('action-some', 'action', [20, true], undefined),
      page('action-title', 'action', [1, true], [1, true]),
      page('group-title', 'group', [1, true], [1, true]),
      page('priority-title', 'priority', [0.5, true], [0.5, true]),
    ]);
    expect(ranked.map((p) => p.id)).toEqual(['priority-title', 'group-title', 'action-title', 'action-body', 'action-some']);
  });
});

describe('spelling', () => {
  it('counts a swapped pair of letters as one mistake', () => {
    expect(mistakes('safegaurding', 'safeguarding', 2)).toBe(1);
    expect(mistakes('neglet', 'neglect', 1)).toBe(1);
  });

  it("finds the site's word for a slip, and nothing for a word from another subject", () => {
    const words = ['adolescents', 'neglect', 'neglected', 'exploitation', 'as', 'assurance'];
    expect(corrections('neglet', words)[0]).toBe('neglect');
    expect(corrections('adolesents', words)).toEqual(['adolescents']);
    expect(corrections('astronaut', words)).toEqual([]);
    expect(corrections('neglect', words)).toEqual([]);
  });
});

describe('<abbr> on first use', () => {
  it('marks the first whole-word, same-case use inside <main> only, never inside hidden parts', () => {
    const html = '<title>SEND</title><main><div hidden><p>SEND</p></div><p>We send help. SEND support, SEND again; SENDING no.</p></main>';
    expect(markFirstUses(html, defaultGlossary)).toBe(
      '<title>SEND</title><main><div hidden><p>SEND</p></div><p>We send help. <abbr title="Special educational needs and disabilities">SEND</abbr> support, SEND again; SENDING no.</p></main>',
    );
  });
});
