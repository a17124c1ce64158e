/**
 * Web addresses an author writes, in fields and in Markdown: only https (and http, mailto and
 * tel where they make sense) pass the check; a `javascript:` address, a `data:` link or a picture
 * from another site is refused with the file, the line, the field and what to do instead.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, type Tree } from '../helpers/content-tree.ts';

const partnershipFile = 'hampshire/partnership.md';
const action = 'hampshire/actions/deliver-training.md';

/** The valid tree with extra frontmatter lines in partnership.md. */
function withPartnershipFields(lines: string): Tree {
  const tree = validTree();
  return { ...tree, [partnershipFile]: tree[partnershipFile].replace('area: Hampshire\n', `area: Hampshire\n${lines}\n`) };
}

/** The valid tree with the action's body replaced. */
function withActionBody(body: string, extraFields = ''): Tree {
  const tree = validTree();
  const text = tree[action].replace('Deliver multi-agency training on **neglect**.\n', body);
  return { ...tree, [action]: extraFields ? text.replace('status: in-progress\n', `status: in-progress\n${extraFields}\n`) : text };
}

const messages = (tree: Tree) => checkTree(tree).problems.map(formatProblem);

describe('web address fields', () => {
  it.each([
    ['website', 'website: "javascript:alert(document.cookie)"', 5],
    ['repository', 'repository: "javascript:alert(document.cookie)"', 5],
    ['jointWith[0].url', 'jointWith:\n  - id: iow\n    name: Isle of Wight\n    url: "javascript:alert(1)"', 8],
  ])('refuses a javascript: address in %s, with the file, line, field and a hint', (field, lines, line) => {
    expect(messages(withPartnershipFields(lines))).toEqual([
      `error content/hampshire/partnership.md:${line}\n    ${field}: expected a web address starting with https://, found "javascript:alert(${field === 'jointWith[0].url' ? '1' : 'document.cookie'})"\n    hint: only https:// addresses${field === 'repository' ? '' : ' (or http:// for sites without https)'} are linked from the site`,
    ]);
  });

  it.each([
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    'https://',
    '//evil.example/',
  ])('refuses %s as a website', (url) => {
    expect(messages(withPartnershipFields(`website: "${url}"`))).toHaveLength(1);
  });

  it('accepts https everywhere and http for a website', () => {
    expect(
      messages(
        withPartnershipFields(
          'website: http://www.hampshirescp.org.uk\nrepository: https://github.com/hscp/plan\njointWith:\n  - id: iow\n    name: Isle of Wight\n    url: https://www.iowscp.org.uk/',
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a repository address that is not https, since "Edit this page" sends authors there', () => {
    expect(messages(withPartnershipFields('repository: http://github.com/hscp/plan'))).toHaveLength(1);
  });
});

describe('links and pictures in Markdown', () => {
  it('refuses a javascript: link in a body, on its line', () => {
    expect(messages(withActionBody('Read [the guide](javascript:alert(1)) first.\n'))).toEqual([
      'error content/hampshire/actions/deliver-training.md:17\n    body: the link "the guide" goes to "javascript:alert(1)", which the site will not link to\n    hint: links may go to https://, http://, mailto: or tel: addresses, or to a page of this site',
    ]);
  });

  it.each([
    ['an autolink', 'See <javascript:alert(1)>.\n'],
    ['a reference definition', 'See [the guide][g].\n\n[g]: javascript:alert(1)\n'],
    ['a data: link', 'See [it](data:text/html;base64,PHNjcmlwdD4=).\n'],
    ['an upper-case scheme', 'See [it](JaVaScRiPt:alert(1)).\n'],
    ['an encoded scheme', 'See [it](java&#115;cript:alert(1)).\n'],
  ])('refuses %s', (_, body) => {
    const found = messages(withActionBody(body));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('body: the link');
  });

  it('refuses a javascript: link in a Markdown field, naming the field', () => {
    const tree = validTree();
    const text = tree[action].replace('status: in-progress\n', 'status: in-progress\noutcomes:\n  - "[click](javascript:alert(2))"\n');
    expect(messages({ ...tree, [action]: text })).toEqual([
      'error content/hampshire/actions/deliver-training.md:11\n    outcomes[0]: the link "click" goes to "javascript:alert(2)", which the site will not link to\n    hint: links may go to https://, http://, mailto: or tel: addresses, or to a page of this site',
    ]);
  });

  it("refuses a picture from another site, which would make every reader's browser call that site", () => {
    expect(messages(withActionBody('![Logo](https://tracker.example/pixel.gif)\n'))).toEqual([
      'error content/hampshire/actions/deliver-training.md:17\n    body: the picture "Logo" would be loaded from https://tracker.example/pixel.gif, another site\n    hint: the site makes no requests to other sites: link to it instead, like [Logo](https://tracker.example/pixel.gif)',
    ]);
  });

  it("accepts https, http, mailto and tel links, fragments and links to this site's pages", () => {
    const body = md`
      [a](https://example.org) [b](http://example.org) [c](mailto:hscp@hants.gov.uk) [d](tel:+441234567890)
      [e](#details) [f](/hampshire/groups/) [g](../groups/) https://www.gov.uk autolink <https://example.org>
    `;
    expect(messages(withActionBody(body))).toEqual([]);
  });
});
