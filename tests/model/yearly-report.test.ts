/**
 * The yearly report as content (issue 22): `npm run check` names, per year whose report is due,
 * the sections Working Together asks for that the year file does not write, and reminds while the
 * report is unpublished past its day, or published and not yet sent to the Panel and Foundations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/authoring/check-report.ts';
import { md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';

let tree: ContentTree | undefined;
afterEach(() => {
  tree?.remove();
  tree = undefined;
});

/** The check's warnings about yearly reports, each as "file: message", from the content folder. */
function reportWarnings(t: Tree, today: string): string[] {
  tree = writeTree(t);
  const report = checkReport(tree.contentDir, { today });
  expect(report.errors).toEqual([]);
  return report.warnings
    .filter((w) => w.message.startsWith('yearly report'))
    .map((w) => `${w.file.slice(w.file.indexOf('hampshire/'))}: ${w.message}`);
}

const all2023 =
  'Impact on children and families; Areas of little or no progress; Decisions and actions on reviews; Feedback from children and families; Independent scrutiny; Funding and contributions';

describe('check and the yearly report', () => {
  it('warns once per ended year of the bundled plans, saying both what is not written and when it was due', () => {
    const report = checkReport('content', { today: '2026-11-23' });
    const years = report.warnings.filter((w) => w.message.startsWith('yearly report'));
    // Five ended years, none with a word of its report written: one warning each, not two.
    expect(years.map((w) => w.file.replace(/^.*content\//, ''))).toEqual([
      'hampshire/years/2020-21.md',
      'hampshire/years/2021-22.md',
      'hampshire/years/2022-23.md',
      'hounslow/years/2019-20.md',
      'hounslow/years/2020-21.md',
    ]);
    expect(years.find((w) => w.file.endsWith('hounslow/years/2019-20.md'))?.message).toBe(
      `yearly report 2019-20 is not written: none of the 6 sections Working Together 2023 asks for is written yet (${all2023}). It was due to be published by 31 March 2021, 12 months after the year ended.`,
    );
    for (const w of years) expect(w.hint).toContain('once it is published, add published: with the date');
    expect(report.exitCode).toBe(0);
  });

  it('says nothing of a year still running, and names only the sections a due year has not written', () => {
    const t = validTree();
    t['hampshire/years/2021-22.md'] = md`
      ---
      plan: business-plan-2020-23
      ---
      Our foreword.

      ## Impact on children and families

      Fewer children needed a plan for a second time.

      ## Voice of the child

      Our young people's panel met four times.

      ## Independent scrutiny

      <!-- to write after the scrutineer's visit -->
    `;
    expect(reportWarnings(t, '2021-12-01').filter((w) => w.includes('2021-22'))).toEqual([]);
    tree?.remove();
    const warnings = reportWarnings(t, '2022-05-01');
    expect(warnings).toContain(
      'hampshire/years/2021-22.md: yearly report 2021-22 is not finished: 4 of the 6 sections Working Together 2023 asks for are not written (Areas of little or no progress; Decisions and actions on reviews; Independent scrutiny; Funding and contributions). It is due to be published by 31 March 2023, 12 months after the year ended.',
    );
    expect(warnings).toContain(
      `hampshire/years/2020-21.md: yearly report 2020-21 is not written: none of the 6 sections Working Together 2023 asks for is written yet (${all2023}). It was due to be published by 31 March 2022, 12 months after the year ended.`,
    );
  });

  it("follows the partnership's edition: the 2018 list has four sections", () => {
    const t = validTree();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(
      'area: Hampshire',
      'area: Hampshire\nyearlyReport:\n  edition: 2018',
    );
    const warnings = reportWarnings(t, '2021-05-01');
    expect(warnings).toEqual([
      'hampshire/years/2020-21.md: yearly report 2020-21 is not written: none of the 4 sections Working Together 2018 asks for is written yet (Impact on children and families; Areas of little or no progress; Decisions and actions on reviews; Feedback from children and families). It is due to be published by 31 March 2022, 12 months after the year ended.',
    ]);
  });

  it('reminds while a report is overdue, then while it is published and not sent, then stops', () => {
    const t = validTree();
    // Every section written: what is left to say is that it is overdue.
    t['hampshire/years/2020-21.md'] += [
      'Impact on children and families',
      'Little or no progress',
      'Reviews',
      'Feedback',
      'Scrutiny',
      'Funding',
    ]
      .map((heading) => `\n## ${heading}\n\nWritten.\n`)
      .join('');
    expect(reportWarnings(t, '2022-03-31').filter((w) => w.startsWith('hampshire/years/2020-21.md'))).toEqual([]);
    tree?.remove();
    const overdue = reportWarnings(t, '2022-04-01').filter((w) => w.startsWith('hampshire/years/2020-21.md'));
    expect(overdue).toEqual([
      'hampshire/years/2020-21.md: yearly report 2020-21 is overdue: it was due to be published by 31 March 2022, 12 months after the year ended, and no publication date is recorded',
    ]);
    tree?.remove();
    t['hampshire/years/2020-21.md'] = t['hampshire/years/2020-21.md'].replace(
      'plan: business-plan-2020-23',
      'plan: business-plan-2020-23\npublished: 2021-07-15',
    );
    expect(reportWarnings(t, '2022-04-01').filter((w) => w.startsWith('hampshire/years/2020-21.md'))).toEqual([
      'hampshire/years/2020-21.md: yearly report 2020-21: published on 15 July 2021, but not recorded as sent to the Child Safeguarding Practice Review Panel and Foundations (the What Works Centre for Children and Families), which is due within 7 days, by 22 July 2021',
    ]);
    tree?.remove();
    t['hampshire/years/2020-21.md'] = t['hampshire/years/2020-21.md'].replace(
      'published: 2021-07-15',
      'published: 2021-07-15\nsent: 2021-07-20',
    );
    expect(reportWarnings(t, '2022-04-01').filter((w) => w.startsWith('hampshire/years/2020-21.md'))).toEqual([]);
  });

  it('counts the 12 months from the last report when that is sooner than from the year end', () => {
    // "At least once in every 12 months": 2020-21's report was published on 15 July 2021, so
    // 2021-22's is due by 15 July 2022, not 31 March 2023.
    const t = validTree();
    t['hampshire/years/2020-21.md'] = t['hampshire/years/2020-21.md'].replace(
      'plan: business-plan-2020-23',
      'plan: business-plan-2020-23\npublished: 2021-07-15\nsent: 2021-07-20',
    );
    const of2021 = (today: string) => reportWarnings(t, today).filter((w) => w.startsWith('hampshire/years/2021-22.md'));
    expect(of2021('2022-07-15')).toEqual([
      `hampshire/years/2021-22.md: yearly report 2021-22 is not written: none of the 6 sections Working Together 2023 asks for is written yet (${all2023}). It is due to be published by 15 July 2022, 12 months after the last report, published on 15 July 2021.`,
    ]);
    tree?.remove();
    expect(of2021('2022-07-16')).toEqual([
      `hampshire/years/2021-22.md: yearly report 2021-22 is not written: none of the 6 sections Working Together 2023 asks for is written yet (${all2023}). It was due to be published by 15 July 2022, 12 months after the last report, published on 15 July 2021.`,
    ]);
  });

  it('refuses an edition that does not exist, naming the field and the two there are', () => {
    const t = validTree();
    t['hampshire/partnership.md'] = t['hampshire/partnership.md'].replace(
      'area: Hampshire',
      'area: Hampshire\nyearlyReport:\n  edition: 2020',
    );
    tree = writeTree(t);
    const report = checkReport(tree.contentDir, { today: '2021-05-01' });
    expect(report.exitCode).toBe(1);
    expect(report.stderr).toContain('yearlyReport.edition');
    expect(report.stderr).toContain('2018 or 2023');
  });
});
