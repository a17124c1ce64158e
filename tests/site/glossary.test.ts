/**
 * The glossary on the built bundled sites: its page lists the default entries and the
 * partnership's own, and the first use of an abbreviation on a page, and only the first, is
 * explained with <abbr>, wherever on the page it comes.
 */
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/site.ts';

const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('the glossary page', () => {
  it("lists the default abbreviations, the ones the partnership's data names, and its own", () => {
    const html = page('/hampshire/glossary/');
    expect(html).toMatch(/<dt[^>]*>CSE<\/dt>\s*<dd>Child sexual exploitation/);
    expect(html).toMatch(/<dt[^>]*>IOWSCP<\/dt>\s*<dd>Isle of Wight Safeguarding Children Partnership/);
    expect(html).toMatch(/<dt[^>]*>HIPS<\/dt>\s*<dd>Hampshire, Isle of Wight, Portsmouth and Southampton/);
    // Hounslow's own short name means Hounslow's partnership there.
    expect(page('/hounslow/glossary/')).toMatch(/<dt[^>]*>HSCP<\/dt>\s*<dd>Hounslow Safeguarding Children Partnership/);
  });
});

describe('<abbr> on first use', () => {
  it('explains the first MASH on the page it appears on', () => {
    const html = main(page('/hounslow/actions/thresholds-mash-and-cfan-referrals/'));
    expect(html.match(/<abbr title="Multi-agency safeguarding hub">MASH<\/abbr>/g)).toHaveLength(1);
    expect(html.indexOf('<abbr title="Multi-agency safeguarding hub">MASH</abbr>')).toBe(
      html.search(/\bMASH\b/) - '<abbr title="Multi-agency safeguarding hub">'.length,
    );
  });

  it('explains a term once per page however often it is used: the first use, in the title', () => {
    const html = main(page('/hampshire/actions/neglect-deliver-training/'));
    expect(html.match(/\bHSCP\b/g)!.length).toBeGreaterThan(1);
    expect(html.match(/<abbr title="Hampshire Safeguarding Children Partnership">HSCP<\/abbr>/g)).toHaveLength(1);
    expect(html.indexOf('<abbr title="Hampshire Safeguarding Children Partnership">')).toBeLessThan(html.indexOf('</h1>'));
  });

  it('leaves the hidden search data and everything outside <main> alone', () => {
    const html = page('/hounslow/actions/thresholds-mash-and-cfan-referrals/');
    const hidden = html.slice(html.indexOf('data-pagefind-body'), html.indexOf('</main>'));
    expect(html.slice(0, html.indexOf('<main'))).not.toContain('<abbr');
    expect(hidden.slice(0, hidden.indexOf('</div>'))).not.toContain('<abbr');
  });
});
