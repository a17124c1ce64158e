/**
 * The query model and ranking rule (src/search/query.ts), spelling (src/search/spelling.ts), the
 * real English words "did you mean" never replaces (src/search/real-words.ts) and the messages
 * that say which words matched nothing (src/search/state.ts), on their own; the browser tests
 * prove them on the real sites.
 */
import { describe, expect, it } from 'vitest';
import { markFirstUses } from '../../src/glossary/abbr.ts';
import { defaultGlossary } from '../../src/glossary/default.ts';
import { TermMatcher, parseQuery, queryUnits, rank, relatedWeight, type PageHits } from '../../src/search/query.ts';
import { realWordsByBucket } from '../../src/search/real-words.ts';
import { corrections, mistakes, realWordBucket, realWordBuckets } from '../../src/search/spelling.ts';
import { describeFound } from '../../src/search/state.ts';
import { defaultVocabulary } from '../../src/vocabulary/default.ts';
import { mergeVocabularies } from '../../src/vocabulary/vocabulary.ts';

const glossary = new TermMatcher(defaultGlossary);
const labels = (query: string) => queryUnits(query, glossary).map((u) => u.label);
const terms = new TermMatcher(defaultGlossary, defaultVocabulary);
const alternatives = (query: string) => queryUnits(query, terms).map((u) => u.alternatives.map((a) => a.text));

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

describe("readers' everyday words", () => {
  it("makes a reader's phrase one unit that also finds the plan's words for it", () => {
    expect(labels('county lines')).toEqual(['county', 'lines']);
    const [county] = queryUnits('county lines', terms);
    expect(county.label).toBe('county lines');
    expect(county.known).toBe(true);
    expect(county.alternatives.map((a) => a.text)).toEqual(
      expect.arrayContaining(['county lines', 'criminal exploitation', 'exploitation']),
    );
    expect(alternatives('teenagers at risk')).toEqual([expect.arrayContaining(['teenagers', 'adolescents', 'young people']), ['risk']]);
    // Spelt with a hyphen, in capitals, or in the plural, it is the same phrase.
    expect(alternatives('Self-harm')[0]).toEqual(expect.arrayContaining(['mental health', 'emotional wellbeing']));
  });

  it('keeps a topic to its own words: domestic violence finds domestic abuse, not every kind of abuse', () => {
    const [unit] = queryUnits('domestic violence', terms);
    expect(unit.alternatives.map((a) => a.text).sort()).toEqual(['DV', 'coercive control', 'domestic abuse', 'domestic violence']);
  });

  it('takes a quoted phrase as written: only its abbreviation finds it too, not other words for it', () => {
    expect(alternatives('"county lines"')).toEqual([['county lines']]);
    expect(alternatives('"child sexual abuse"')).toEqual([['CSA', 'child sexual abuse']]);
  });

  it('knows which units are topics: glossary and vocabulary terms and quoted phrases, not plain words', () => {
    expect(queryUnits('neglect leaflet "lurking trolls" CSE', terms).map((u) => [u.label, u.known])).toEqual([
      ['neglect', true],
      ['leaflet', false],
      ['"lurking trolls"', true],
      ['CSE', true],
    ]);
  });

  it("lets a partnership's entry take a word from the default one, leaving its other words", () => {
    const merged = mergeVocabularies(defaultVocabulary, [{ words: ['gangs'], finds: ['serious youth violence'] }]);
    const [gangs] = queryUnits('gangs', new TermMatcher([], merged));
    expect(gangs.alternatives.map((a) => a.text)).toEqual(['gangs', 'serious youth violence']);
    const [lines] = queryUnits('county lines', new TermMatcher([], merged));
    expect(lines.alternatives.map((a) => a.text)).toContain('criminal exploitation');
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

  it('ranks pages with fewer units by the same rule on the units they have', () => {
    const ranked = rank([
      page('action-body', 'action', [30, false], undefined),
      page('action-title', 'action', [2, true], undefined),
      page('priority-title', 'priority', [1, true], undefined),
      page('group-both', 'group', [1, false], [1, false]),
    ]);
    expect(ranked.map((p) => p.id)).toEqual(['group-both', 'priority-title', 'action-title', 'action-body']);
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

  it('knows the real English words it must never replace, plurals and British spellings too, and not the slips', () => {
    const real = (word: string) => realWordsByBucket()[realWordBucket(word)].includes(word);
    for (const word of ['county', 'counts', 'lines', 'zebra', 'crossing', 'sings', 'organisation', 'behaviour'])
      expect(real(word), word).toBe(true);
    for (const word of ['neglet', 'adolesents', 'helth', 'sucide', 'trailblazzer', 'safegaurding']) expect(real(word), word).toBe(false);
    expect(realWordsByBucket()).toHaveLength(realWordBuckets);
    // Small files, so the page fetches little to check one word.
    for (const bucket of realWordsByBucket()) expect(bucket.length).toBeLessThan(1500);
  });
});

describe('saying which words matched nothing', () => {
  const state = { q: 'neglect leaflet', filters: {} };
  it('names the words no page mentions, or says the words are never together', () => {
    expect(describeFound(3, state, { parts: ['neglect', 'leaflet'], unmatched: ['leaflet'], together: false })).toBe(
      '3 results for neglect leaflet. No page mentions leaflet.',
    );
    expect(
      describeFound(0, { q: 'school term dates', filters: {} }, { parts: ['school', 'term', 'dates'], unmatched: [], together: false }),
    ).toBe('No results for school term dates. No page mentions school, term and dates together.');
    expect(
      describeFound(
        0,
        { q: 'zebra crossing', filters: {} },
        { parts: ['zebra', 'crossing'], unmatched: ['zebra', 'crossing'], together: false },
      ),
    ).toBe('No results for zebra crossing. No page mentions zebra or crossing.');
    // One word that finds nothing needs no more than "No results".
    expect(describeFound(0, { q: 'astronaut', filters: {} }, { parts: ['astronaut'], unmatched: ['astronaut'], together: false })).toBe(
      'No results for astronaut',
    );
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
