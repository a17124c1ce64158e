/**
 * The details the bundled plans do not give, on a small site of their own: a partnership's
 * contact details in the "Worried about a child?" panel, on its page and in the accessibility
 * statement; a group's chair, members, meetings and terms of reference; an item's related
 * links, saying where they go and found by search. Built through the real pipeline.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { openBrowser, searchResults } from '../helpers/browser.ts';
import { md, validTree, writeTree, type ContentTree } from '../helpers/content-tree.ts';
import { htmlFiles, links, page } from '../helpers/site.ts';

let tree: ContentTree;
let outDir: string;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,])/g, '$1');
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const panelOf = (html: string) => html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));

beforeAll(async () => {
  const content = validTree();
  content['hampshire/partnership.md'] = content['hampshire/partnership.md'].replace(/accessibility:\n(?: {2}.*\n)+/, '').replace(
    /childrensServices:\n(?: {2}.*\n)+contact:\n(?: {2}.*\n)+/,
    md`
      childrensServices:
        name: Anyshire Children's Services
        phone: 01632 960 001
        hours: Monday to Friday, 8.30am to 5pm
        outOfHoursPhone: 01632 960 002
        webForm: https://www.example.org.uk/report-a-concern
      contact:
        email: scp@example.org.uk
        phone: 01632 960 003
        address:
          - Partnership Business Unit
          - County Hall, Anytown
      accessibility:
        compliance: partially
        nonAccessible: The 2019 annual report, linked from the plan, is a scanned PDF.
        respondsWithin: 15 working days
        preparedOn: 2024-06-01
      accessibilityReviewedOn: 2024-09-30
    `,
  );
  content['hampshire/groups/training-sub-group.md'] = md`
    ---
    name: Training Sub-Group
    kind: sub-group
    chair: Head of Workforce Development, Children's Services
    memberAgencies: [Children's Services, Constabulary, Schools]
    meets: every two months
    termsOfReference: https://docs.example.org.uk/training-sub-group-terms.pdf
    ---
  `;
  content['hampshire/actions/deliver-training.md'] = content['hampshire/actions/deliver-training.md'].replace(
    'status: in-progress\n',
    'status: in-progress\nlinks:\n  - title: Neglect screening toolkit\n    url: https://www.example.org.uk/neglect-toolkit\n',
  );
  tree = writeTree(content);
  outDir = path.join(tree.root, 'dist');
  const result = await build({ contentDir: tree.contentDir, outDir, buildDate: '2026-11-23' });
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
});
afterAll(() => tree?.remove());

describe('contact details', () => {
  it("puts the children's services number in the panel of every page, as a phone link", () => {
    const pages = htmlFiles(outDir, 'hampshire');
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const panel = panelOf(page(`/${file.replace(/index\.html$/, '')}`, outDir));
      expect(text(panel), file).toContain("Otherwise call Anyshire Children's Services on 01632 960 001.");
      expect(panel, file).toContain('href="tel:01632960001"');
    }
  });

  it('gives the whole front door and the partnership contact on the "Worried about a child?" page', () => {
    const main = text(mainOf(page('/hampshire/worried-about-a-child/', outDir)));
    for (const fact of [
      'If a child is in immediate danger, call 999.',
      "Contact Anyshire Children's Services.",
      'Phone 01632 960 001 (Monday to Friday, 8.30am to 5pm)',
      'Outside these hours 01632 960 002',
      'Report a worry about a child online (example.org.uk)',
      'Email scp@example.org.uk',
      'Phone 01632 960 003',
      'Address Partnership Business Unit County Hall, Anytown',
    ]) {
      expect(main).toContain(fact);
    }
  });

  it('uses the same contact details in the accessibility statement, and the review date the content gives', () => {
    const html = page('/hampshire/accessibility/', outDir);
    const feedback = text(html.slice(html.indexOf('id="feedback"'), html.indexOf('id="enforcement"')));
    expect(feedback).toContain('Email scp@example.org.uk');
    expect(feedback).toContain('Phone 01632 960 003');
    expect(links(html)).toEqual(expect.arrayContaining(['mailto:scp@example.org.uk', 'tel:01632960003']));
    expect(text(html.slice(html.indexOf('id="preparation"')))).toContain(
      'This statement was last reviewed by the partnership on 30 September 2024.',
    );
  });

  it("states the partnership's own declaration, in its words, and nothing it did not declare", () => {
    const main = text(mainOf(page('/hampshire/accessibility/', outDir)));
    expect(main).toContain('states that this website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA');
    expect(main).toContain('The 2019 annual report, linked from the plan, is a scanned PDF.');
    expect(main).toContain('The partnership will consider your request and reply within 15 working days.');
    expect(main).toContain('This statement was prepared on 1 June 2024.');
    expect(main).not.toContain('fully compliant');
    expect(main).not.toContain('has not yet published its own accessibility statement');
  });
});

describe("a group's details", () => {
  it('shows its chair, member agencies, how often it meets and its terms of reference, saying where that link goes', () => {
    const main = text(mainOf(page('/hampshire/groups/training-sub-group/', outDir)));
    expect(main).toContain("Chair or lead Head of Workforce Development, Children's Services");
    expect(main).toContain("Member agencies Children's Services Constabulary Schools");
    expect(main).toContain('Meets Every two months');
    expect(main).toContain('Training Sub-Group terms of reference (PDF, docs.example.org.uk)');
    expect(text(mainOf(page('/hampshire/groups/', outDir)))).toContain("Chair: Head of Workforce Development, Children's Services");
  });
});

describe('related documents and links', () => {
  it("lists them on the item's page, each saying which site it is on", () => {
    const html = mainOf(page('/hampshire/actions/deliver-training/', outDir));
    expect(html).toContain('<h2 id="related">Related documents and links</h2>');
    expect(text(html)).toContain('Neglect screening toolkit (example.org.uk)');
    expect(links(html)).toContain('https://www.example.org.uk/neglect-toolkit');
  });

  it('makes search find the item by a link title', async () => {
    const browser = await openBrowser(outDir);
    try {
      const tab = await browser.open('/hampshire/search/?q=screening');
      expect((await searchResults(tab)).hrefs).toEqual(['/hampshire/actions/deliver-training/']);
      expect(browser.foreignRequests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
