/**
 * Reviews and their recommendations (issue 22, item 2), as `npm run check` reads them: a
 * recommendation names the actions that answer it, and an id with no action file is an error
 * pointing at the line, with the nearest id; a review's recommendations count the section on
 * reviews as covered for the years it was published by.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/authoring/check-report.ts';
import { checkTree, md, validTree, where, writeTree, type Tree } from '../helpers/content-tree.ts';

function withReview(answeredBy: string): Tree {
  const t = validTree();
  t['hampshire/reviews/child-q.md'] = md`
    ---
    title: 'Child Q: local child safeguarding practice review'
    kind: local-cspr
    published: 2021-09-30
    recommendations:
      - text: Partners should use one neglect toolkit.
        answeredBy: [${answeredBy}]
    ---
    What the review found.
  `;
  return t;
}

describe('reviews in the check', () => {
  it('accepts a recommendation answered by an action of the partnership, and counts the review', () => {
    const { problems, result } = checkTree(withReview('deliver-training'), { today: '2021-12-01' });
    expect(problems).toEqual([]);
    expect(result.index.partnership('hampshire')?.reviews.map((r) => r.entry.data.title)).toEqual([
      'Child Q: local child safeguarding practice review',
    ]);
  });

  it('refuses an action id with no file, at its line, with the nearest id', () => {
    const { problems } = checkTree(withReview('deliver-trainng'));
    expect(problems.map((p) => ({ ...where(p), message: p.message }))).toEqual([
      {
        file: 'content/hampshire/reviews/child-q.md',
        line: 7,
        field: 'recommendations[0].answeredBy[0]',
        message: 'unknown action "deliver-trainng"; did you mean "deliver-training"?',
      },
    ]);
  });

  it('refuses a kind of review it does not know, naming the kinds it does', () => {
    const t = withReview('deliver-training');
    t['hampshire/reviews/child-q.md'] = t['hampshire/reviews/child-q.md'].replace('kind: local-cspr', 'kind: serious-case');
    const { problems } = checkTree(t);
    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toMatchObject({ file: 'content/hampshire/reviews/child-q.md', field: 'kind', line: 3 });
    expect(problems[0].message).toContain('local-cspr');
  });
});

describe('reviews and the yearly report', () => {
  /** The sections the check says a year's report has not written, from its warning. */
  function notWritten(t: Tree, year: string): string {
    const written = writeTree(t);
    try {
      const report = checkReport(written.contentDir, { today: '2022-05-01' });
      const warning = report.warnings.find((w) => w.file.endsWith(`years/${year}.md`) && w.message.includes('Working Together'));
      return warning?.message ?? '';
    } finally {
      written.remove();
    }
  }

  it('counts the section on reviews as covered for a year whose end the review was published by, and only then', () => {
    const t = withReview('deliver-training');
    // Published 30 September 2021: within 2021-22, after 2020-21 had ended.
    expect(notWritten(t, '2021-22')).not.toContain('Decisions and actions on reviews');
    expect(notWritten(t, '2021-22')).toContain('Impact on children and families');
    expect(notWritten(t, '2020-21')).toContain('Decisions and actions on reviews');
  });
});
