/**
 * A partnership whose every field a reader sees holds the same hostile text: for the tests that
 * build it and prove no value can open or close markup on any page, in <head>, in an attribute,
 * in embedded JSON, in the feed's XML or in the icon's SVG. Each text tries to leave the place it
 * is written in (an attribute, the title, a comment, a CDATA section, a script) and start markup
 * that runs script, redirects the page or loads from another site.
 */
import path from 'node:path';
import { build, reportBuild, type BuildOptions } from '../../src/builder/build.ts';
import { md, writeTree, type ContentTree, type Tree } from './content-tree.ts';

/** The texts, each tried in every field. Every one that could run script calls alert(). */
export const hostileTexts = [
  // The attack on the glossary's text search: a value in an attribute in <head> holding <main> and
  // a term, where the inserted <abbr title="..."> closed the attribute; then a script, a redirect.
  '"><main>CSE<script>alert(1)</script></main>',
  // (Unquoted: Astro writes a " in an attribute as &quot;, which a quoted value would keep.)
  '"><main>CSE<meta http-equiv=refresh content=0;url=/pwned/></main>',
  '"><main><script>alert(3)</script>CSE</main>',
  '</title><script>alert(4)</script>',
  '<meta http-equiv=refresh content="0;url=https://example.org/">',
  '\'><meta http-equiv="refresh" content="0;url=/pwned/"><a \'',
  '--><script>alert(7)</script><!--',
  ']]><script>alert(8)</script><![CDATA[',
  '</script><script>alert(9)</script>',
  '</style><script>alert(10)</script>',
  '<img src=x onerror=alert(11)><iframe src="https://example.org/"></iframe>',
  '<base href="https://example.org/"><link rel="stylesheet" href="https://example.org/x.css">',
  '<noscript><p title="</noscript><img src=x onerror=alert(13)>">',
  '<svg onload=alert(14)><text>CSE</text></svg>',
  '&lt;script&gt;alert(15)&lt;/script&gt; &amp;',
] as const;

/** Words of no consequence, in the same fields: the site the hostile ones must leave unchanged in shape. */
export const plainText = 'Plain words';

/**
 * What a field holds for a text: the text and then "CSE", a default glossary term, so that, as in
 * the attack, every field holds a term, and the first use on a page is in the same field whatever
 * the text is.
 */
export const fieldValue = (text: string) => `${text} CSE`;

/** A glossary term of the partnership's own, whose meaning is the hostile text, used in <main>. */
export const ownTerm = 'PWNT';

const yaml = (value: string) => JSON.stringify(value);

const logoSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#123456"/></svg>\n';

/**
 * A partnership (folder `id`) with `value` in every field that reaches a page, the feed or the
 * icon (after "Words: " in the Markdown ones): its name, short name, area, logo's alt text,
 * footer link, joint partner, values, principles note, strand, glossary meaning, search
 * vocabulary, plan, priority,
 * objective, action (title, code, lead, outcome, progress update and who gave it, related link),
 * group (name, acronym, remit, chair, meets), own page (title, description, body), measure
 * (title, what it counts, source, a value's note) and the bodies of them all; and in the query
 * of every web address (its website, footer link, joint partner's, group's terms of reference,
 * related link).
 */
export function hostileTree(value: string, id: string): Tree {
  const v = yaml(value);
  // A web address may carry any text after its host: its query holds the text too.
  const url = (page: string) => yaml(`https://www.example.org.uk/${page}?q=${value}`);
  // Markdown fields drop raw HTML, and a line that starts with a tag is all HTML: words first keep
  // each a paragraph, whatever the text, so its page has the same elements as with plain words.
  const prose = `Words: ${value}`;
  const m = yaml(prose);
  const file = (lines: string[], body = `${prose} and ${ownTerm}.`) => `${lines.join('\n')}\n${body}\n`;
  return {
    [`${id}/partnership.md`]: file([
      '---',
      'format: 2',
      `name: ${v}`,
      `shortName: ${v}`,
      `area: ${v}`,
      'branding:',
      '  logo:',
      '    file: logo.svg',
      `    alt: ${v}`,
      '  footerLinks:',
      `    - title: ${v}`,
      `      url: ${url('reports')}`,
      'jointWith:',
      `  - { id: isle-of-wight, name: ${v}, shortName: ${v}, url: ${url('isle-of-wight')} }`,
      'values:',
      `  - { name: ${v}, text: ${m} }`,
      `principlesNote: ${v}`,
      `website: ${url('home')}`,
      'strands:',
      `  - { id: prevent, name: ${v}, description: ${m} }`,
      'glossary:',
      `  - { term: ${ownTerm}, meaning: ${v} }`,
      'vocabulary:',
      `  - { words: [${v}], finds: [${v}] }`,
      '---',
    ]),
    [`${id}/logo.svg`]: logoSvg,
    [`${id}/plans/business-plan-2020-23.md`]: file(['---', `title: ${v}`, 'period: 2020-2023', '---']),
    [`${id}/years/2020-21.md`]: md`
      ---
      plan: business-plan-2020-23
      ---
    `,
    [`${id}/groups/training-sub-group.md`]: file([
      '---',
      `name: ${v}`,
      'kind: sub-group',
      `acronym: ${v}`,
      `remit: ${v}`,
      `chair: ${v}`,
      `meets: ${v}`,
      `termsOfReference: ${url('terms')}`,
      '---',
    ]),
    [`${id}/priorities/neglect.md`]: file(['---', `title: ${v}`, 'order: 1', 'plan: business-plan-2020-23', '---']),
    [`${id}/objectives/understand-neglect.md`]: file(['---', `title: ${v}`, 'order: 1', 'priority: neglect', '---']),
    [`${id}/actions/deliver-training.md`]: file([
      '---',
      `title: ${v}`,
      `code: ${v}`,
      'order: 1',
      'objective: understand-neglect',
      'groups: [training-sub-group]',
      'years: [2020-21]',
      'strands: [prevent]',
      'joint: [isle-of-wight]',
      `lead: ${v}`,
      'status: in-progress',
      `outcomes: [${m}]`,
      'measures:',
      '  - measure: practitioners-confident',
      'progress:',
      `  - { date: 2020-09-30, by: ${v}, text: ${m} }`,
      'links:',
      `  - { title: ${v}, url: ${url('toolkit')} }`,
      '---',
    ]),
    [`${id}/measures/practitioners-confident.md`]: file([
      '---',
      `title: ${v}`,
      `counts: ${v}`,
      'unit: percentage',
      'better: higher',
      'frequency: yearly',
      'plan: business-plan-2020-23',
      `source: ${v}`,
      'values:',
      `  - { date: 2021-03-31, value: 40, note: ${v} }`,
      '  - { date: 2022-03-31, value: 55 }',
      '---',
    ]),
    [`${id}/pages/about-us.md`]: file(['---', `title: ${v}`, `description: ${v}`, '---']),
  };
}

/** A partnership of the built sites: its folder, and the text its fields hold. */
export interface HostileSite {
  id: string;
  /** The text tried, or plain words. */
  text: string;
  /** What each field holds: `fieldValue(text)`. */
  value: string;
}

const site = (id: string, text: string): HostileSite => ({ id, text, value: fieldValue(text) });

/** The site with plain words, that the hostile ones must leave unchanged in shape. */
export const plainSite = site('plain', plainText);

/** One site for each hostile text, `text-1`, `text-2`..., and the plain one. */
export const hostileSites: HostileSite[] = [...hostileTexts.map((text, i) => site(`text-${i + 1}`, text)), plainSite];

/**
 * Builds every site of `hostileSites` in one build (each its own site, under /<id>/); throws with
 * the build's report if it fails. Built once per test run, by the global setup.
 */
export async function buildHostileSites(options: Partial<BuildOptions> = {}): Promise<{ tree: ContentTree; outDir: string }> {
  const tree = writeTree(Object.assign({}, ...hostileSites.map((site) => hostileTree(site.value, site.id))) as Tree);
  const outDir = path.join(tree.root, 'dist');
  const result = await build({ contentDir: tree.contentDir, outDir, buildDate: '2022-09-30', cache: false, ...options });
  if (!result.ok) {
    tree.remove();
    throw new Error(`the hostile sites did not build:\n${reportBuild(result)}`);
  }
  return { tree, outDir };
}
