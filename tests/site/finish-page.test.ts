/**
 * The last step of every page (src/site/finish-page.ts, with the glossary's <abbr> marking in
 * src/glossary/abbr.ts), on pages written out here: words are marked only where a reader meets
 * them inside the page's real <main>, whatever a field in <head> or an attribute holds; the
 * policy <meta> moves first; no attribute value keeps a `<` or `>`; and nothing else changes.
 */
import { parse, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { markFirstUses } from '../../src/glossary/abbr.ts';
import { defaultGlossary } from '../../src/glossary/default.ts';
import type { GlossaryEntry } from '../../src/glossary/glossary.ts';
import { finishPage } from '../../src/site/finish-page.ts';

const cse = '<abbr title="Child sexual exploitation">CSE</abbr>';
const policy = `<meta http-equiv="content-security-policy" content="default-src 'none'">`;

/** A page as Astro writes one: `head` after the charset, the policy <meta> last in <head>, `main` in the body. */
const astroPage = (head: string, main: string, after = '') =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">${head}${policy}<style>a{}</style></head><body><header>CSE</header><main id="main">${main}</main>${after}</body></html>`;

describe('marking the first use of a term', () => {
  it('never mistakes a field in <head> that holds "<main>", a term and a script for the page', () => {
    const field = '&quot;><main><script>alert(1)</script>CSE</main>';
    const html = astroPage(`<link rel="alternate" title="${field} progress updates" href="/feed.xml">`, '<p>About CSE.</p>');
    expect(markFirstUses(html, defaultGlossary)).toBe(html.replace('<p>About CSE.</p>', `<p>About ${cse}.</p>`));
  });

  it('marks only inside the real <main>, not a "<main>" written as text, in a comment or in a template', () => {
    const html = astroPage(
      '<title>&lt;main&gt;CSE&lt;/main&gt;</title>',
      '<!-- <main>CSE</main> --><template><main>CSE</main></template><p>&lt;main&gt; then CSE</p>',
      '<footer>CSE</footer>',
    );
    expect(markFirstUses(html, defaultGlossary)).toBe(html.replace('then CSE', `then ${cse}`));
  });

  it('leaves SVG, raw text and hidden parts alone, and marks the first use a reader meets after them', () => {
    const html = astroPage(
      '',
      '<svg><text>CSE</text><title>CSE</title></svg><noscript>CSE</noscript><div hidden>CSE</div><div data-no-abbr>CSE</div><p>CSE and CSE</p>',
    );
    expect(markFirstUses(html, defaultGlossary)).toBe(html.replace('<p>CSE and', `<p>${cse} and`));
  });

  it('keeps every character reference as written, and matches what a reader reads', () => {
    const glossary: GlossaryEntry[] = [...defaultGlossary, { term: 'A&E', meaning: 'accident & emergency "department"' }];
    const html = astroPage('', '<p>It&#39;s A&amp;E&#x27;s job, &amp;CSE; CSE.</p>');
    expect(markFirstUses(html, glossary)).toBe(
      html.replace(
        'A&amp;E&#x27;s job, &amp;CSE;',
        `<abbr title="Accident &amp; emergency &quot;department&quot;">A&amp;E</abbr>&#x27;s job, &amp;${cse};`,
      ),
    );
  });

  it('leaves alone text whose source it cannot map character by character (a reference without its semicolon)', () => {
    const html = astroPage('', '<p>&notCSE and CSE</p><p>CSE</p>');
    expect(markFirstUses(html, defaultGlossary)).toBe(html.replace('<p>CSE</p>', `<p>${cse}</p>`));
  });
});

describe('finishing a page', () => {
  it('moves the policy <meta> to straight after <meta charset>, before anything a field fills', () => {
    const html = astroPage('<title>Home</title><meta name="description" content="CSE">', '<p>Hello</p>');
    expect(finishPage(html, [])).toBe(html.replace(policy, '').replace('<meta charset="utf-8">', `<meta charset="utf-8">${policy}`));
  });

  it('writes < and > in attribute values as references, and changes nothing a browser reads', () => {
    const html = astroPage(
      `<title>x</title><link rel="alternate" title="&quot;><script>alert(1)</script>" href="/feed.xml">`,
      `<img alt='a > b' src="/logo.svg"><svg><rect data-x="<b>"/></svg><p title="5 < 6">CSE</p>`,
    );
    const finished = finishPage(html, defaultGlossary);
    const policyFirst = html.replace(policy, '').replace('<meta charset="utf-8">', `<meta charset="utf-8">${policy}`);
    expect(finished).toBe(
      policyFirst
        .replace('title="&quot;><script>alert(1)</script>"', 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
        .replace("alt='a > b'", "alt='a &gt; b'")
        .replace('data-x="<b>"', 'data-x="&lt;b&gt;"')
        .replace('title="5 < 6">CSE', `title="5 &lt; 6">${cse}`),
    );
    expect(serialize(parse(finished))).toBe(serialize(parse(markFirstUses(policyFirst, defaultGlossary))));
  });

  it('returns a page with nothing to change exactly as it was', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8">${policy}</head><body><main><p>No terms here.</p></main></body></html>`;
    expect(finishPage(html, defaultGlossary)).toBe(html);
  });
});
