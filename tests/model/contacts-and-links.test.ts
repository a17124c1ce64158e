/**
 * The fields readers rely on to reach someone or read further: a partnership's contact details,
 * a group's chair, members, meetings and terms of reference, and any item's related links. Each
 * mistake an author is likely to make is refused with the file, line, field and what to write.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problems.ts';
import { checkTree, md, validTree, type Tree } from '../helpers/content-tree.ts';

const partnershipFile = 'hampshire/partnership.md';

/** The valid tree with partnership.md's contact details replaced by these lines. */
function withContacts(lines: string): Tree {
  const tree = validTree();
  const text = tree[partnershipFile].replace(/childrensServices:\n(?: {2}.*\n)+contact:\n(?: {2}.*\n)+/, `${lines}\n`);
  return { ...tree, [partnershipFile]: text };
}

const messages = (tree: Tree) => checkTree(tree).problems.map(formatProblem);

describe('contact details in partnership.md', () => {
  it('accepts a full front door and contact', () => {
    const tree = withContacts(md`
      childrensServices:
        name: Children's Services
        phone: 01632 960 001
        hours: Monday to Friday, 8.30am to 5pm
        outOfHoursPhone: "+44 1632 960002"
        webForm: https://www.example.org.uk/report-a-concern
      contact:
        email: partnership@example.org.uk
        phone: (01632) 960-003
        address:
          - The Castle
          - Winchester
    `);
    expect(messages(tree)).toEqual([]);
  });

  it('refuses a phone number YAML reads as a number, saying to quote it', () => {
    expect(messages(withContacts("childrensServices:\n  name: Children's Services\n  phone: 01632960001"))).toEqual([
      [
        'error content/hampshire/partnership.md:8',
        '    childrensServices.phone: expected a phone number in quotes, like "01632 960 000", found the number 1632960001',
        '    hint: without quotes a number with no spaces is read as a number, and loses its first 0',
      ].join('\n'),
    ]);
  });

  it('refuses a phone number with letters in it', () => {
    expect(messages(withContacts('contact:\n  phone: call the office'))).toEqual([
      [
        'error content/hampshire/partnership.md:7',
        '    contact.phone: expected a phone number written with digits and spaces, like "01632 960 000", found "call the office"',
      ].join('\n'),
    ]);
  });

  it('refuses a front door with no way to reach it, and a contact with neither email nor phone', () => {
    const problems = messages(
      withContacts("childrensServices:\n  name: Children's Services\n  hours: 9 to 5\ncontact:\n  address: [The Castle]"),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('childrensServices: expected a phone number (phone) or an online form (webForm) for reporting a worry');
    expect(problems[1]).toContain('contact: expected an email address (email) or a phone number (phone)');
  });

  it('refuses a web form that is not a web address', () => {
    const problems = messages(withContacts("childrensServices:\n  name: Children's Services\n  webForm: javascript:alert(1)"));
    expect(problems).toEqual([expect.stringContaining('childrensServices.webForm: expected a web address starting with https://')]);
  });

  it('has replaced contactEmail with contact.email', () => {
    const problems = messages(withContacts('contactEmail: partnership@example.org.uk'));
    expect(problems[0]).toContain('unknown field "contactEmail"');
  });
});

describe("a group's details", () => {
  const group = (lines: string): Tree => ({
    ...validTree(),
    'hampshire/groups/training-sub-group.md': `---\nname: Training Sub-Group\nkind: sub-group\n${lines}\n---\n`,
  });

  it('accepts a chair, member agencies, how often it meets and terms of reference', () => {
    const lines = [
      "chair: Head of Learning and Development, Children's Services",
      "memberAgencies: [Children's Services, Constabulary, Schools]",
      'meets: every two months',
      'termsOfReference: https://www.example.org.uk/training-sub-group-terms.pdf',
    ].join('\n');
    expect(messages(group(lines))).toEqual([]);
  });

  it('refuses terms of reference that are not a web address, on their line', () => {
    expect(messages(group('meets: quarterly\ntermsOfReference: terms.docx'))).toEqual([
      expect.stringMatching(/^error content\/hampshire\/groups\/training-sub-group\.md:5\n {4}termsOfReference: expected a web address/),
    ]);
  });
});

describe('related links on an item', () => {
  const action = 'hampshire/actions/deliver-training.md';
  const withLinks = (lines: string): Tree => {
    const tree = validTree();
    return { ...tree, [action]: tree[action].replace('status: in-progress\n', `status: in-progress\n${lines}\n`) };
  };

  it('accepts a list of titles and web addresses', () => {
    expect(
      messages(
        withLinks(
          'links:\n  - title: Neglect toolkit\n    url: https://www.example.org.uk/toolkit\n  - title: Training\n    url: http://example.org/',
        ),
      ),
    ).toEqual([]);
  });

  it('refuses a link without a title, or to a javascript: address, each at its place in the list', () => {
    const problems = messages(
      withLinks('links:\n  - url: https://www.example.org.uk/toolkit\n  - title: Bad\n    url: javascript:alert(1)'),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/:11\n {4}links\[0\]\.title: required field is missing: expected text/);
    expect(problems[1]).toMatch(/:13\n {4}links\[1\]\.url: expected a web address starting with https:\/\//);
  });
});
