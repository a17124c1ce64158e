/**
 * The built site of the bundled content, read as HTML: every content file has its page,
 * cross-links go both ways, and each partnership's site holds only its own plan.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypes } from '../../schemas/index.ts';
import { loadContent } from '../../src/model/load.ts';
import { htmlFiles, links, page, siteDir } from '../helpers/site.ts';

const { files } = loadContent('content');

/** The section of a page after a heading with this id, up to the end of main. */
function sectionAfter(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `no #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</main>', start));
}

/** The item pages (priority, objective, action) a fragment of HTML links to, as "type/id". */
function itemLinks(html: string, partnership: string): string[] {
  return links(html)
    .map((href) => new RegExp(`^/${partnership}/(priorities|objectives|actions)/([^/]+)/$`).exec(href))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}/${m[2]}`);
}

const folderOf = (type: keyof typeof contentTypes) => contentTypes[type].folder;

/** The priority an item comes under, as its file says: itself, the one it names, or its objective's. */
function priorityOf(file: (typeof files)[number]): string {
  if (file.type === 'priority') return file.id;
  if (typeof file.data.priority === 'string') return file.data.priority;
  const objective = files.find((f) => f.type === 'objective' && f.partnership === file.partnership && f.id === file.data.objective);
  if (typeof objective?.data.priority !== 'string') throw new Error(`${file.displayPath} names no priority`);
  return objective.data.priority;
}

describe('the built site', () => {
  const root = siteDir();

  it('has a page for every content file', () => {
    const missing = files
      .map((f) => (f.type === 'partnership' ? `${f.partnership}/index.html` : `${f.partnership}/${folderOf(f.type)}/${f.id}/index.html`))
      .filter((p) => !existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
    expect(files.length).toBeGreaterThan(120);
  });

  it('lists the partnerships at the root', () => {
    const html = page('/');
    expect(links(html)).toEqual(expect.arrayContaining(['/hampshire/', '/hounslow/']));
    expect(html).toContain('Hampshire Safeguarding Children Partnership');
    expect(html).toContain('Hounslow Safeguarding Children Partnership');
  });

  it('a group page lists exactly the items that name the group, each under its priority, and links to nothing else', () => {
    for (const group of files.filter((f) => f.type === 'group')) {
      const named = files
        .filter((f) => ['priority', 'objective', 'action'].includes(f.type) && f.partnership === group.partnership)
        .filter((f) => ((f.data.groups as string[] | undefined) ?? []).includes(group.id));
      const html = page(`/${group.partnership}/groups/${group.id}/`);
      const listed = itemLinks(sectionAfter(html, 'accountable-for'), group.partnership);
      const expected = [...named.map((f) => `${folderOf(f.type)}/${f.id}`), ...named.map((f) => `priorities/${priorityOf(f)}`)];
      expect(new Set(listed), `${group.partnership}/${group.id}`).toEqual(new Set(expected));
    }
    // Two groups, read off the content by hand: every link of the section, in order. The three
    // actions that name Hampshire's review group all come under the child exploitation review, in 2021-22.
    expect(links(sectionAfter(page('/hampshire/groups/child-exploitation-review-group/'), 'accountable-for'))).toEqual([
      '/hampshire/how-status-is-worked-out/',
      '/hampshire/priorities/child-exploitation-review/',
      '/hampshire/actions/ceraf-roll-out-review/',
      '/hampshire/years/2021-22/',
      '/hampshire/actions/hampshire-delivery-plan/',
      '/hampshire/years/2021-22/',
      '/hampshire/actions/revisit-phase-one-audit-outcomes/',
      '/hampshire/years/2021-22/',
    ]);
    // Hounslow's training sub-group leads one action, under P3, in two years.
    expect(links(sectionAfter(page('/hounslow/groups/training-sub-group/'), 'accountable-for'))).toEqual([
      '/hounslow/how-status-is-worked-out/',
      '/hounslow/priorities/child-sexual-abuse/',
      '/hounslow/actions/csa-training-take-up/',
      '/hounslow/years/2019-20/',
      '/hounslow/years/2020-21/',
    ]);
  });

  it("a reporting-year page lists exactly that year's actions, under their priorities, with their groups, and links to nothing else", () => {
    for (const year of files.filter((f) => f.type === 'year')) {
      const actions = files
        .filter((f) => f.type === 'action' && f.partnership === year.partnership)
        .filter((f) => ((f.data.years as string[] | undefined) ?? []).includes(year.id));
      const at = (folder: string, ids: string[]) => ids.map((id) => `/${year.partnership}/${folder}/${id}/`);
      const ids = actions.map((f) => f.id);
      const groups = actions.flatMap((f) => (f.data.groups as string[] | undefined) ?? []);
      const expected = [
        `/${year.partnership}/how-status-is-worked-out/`,
        ...at('actions', ids),
        ...at('priorities', actions.map(priorityOf)),
        ...at('groups', groups),
      ];
      const listed = links(sectionAfter(page(`/${year.partnership}/years/${year.id}/`), 'work'));
      expect(new Set(listed), `${year.partnership}/${year.id}`).toEqual(new Set(actions.length ? expected : []));
    }
    // The seed's own numbers: Hampshire completed 11 actions in 2020-21 and planned 28 for
    // 2021-22. 2020-21's, read off the content by hand, each with its group, in the order of their priorities.
    const adolescents = [
      'adolescents-multi-agency-understanding-of-risks',
      'adolescents-good-practice-examples',
      'adolescents-gaps-in-service-provision',
      'adolescents-tools-training-support-needs',
      'adolescents-hear-from-young-people',
    ];
    const neglect = [
      'neglect-respond-to-2019-evaluation',
      'neglect-update-neglect-strategy',
      'neglect-review-online-toolkit',
      'neglect-review-training-offer',
      'neglect-single-agency-training-material',
      'neglect-consider-gaps-and-best-practice',
    ];
    expect(links(sectionAfter(page('/hampshire/years/2020-21/'), 'work'))).toEqual([
      '/hampshire/how-status-is-worked-out/',
      '/hampshire/priorities/safeguarding-adolescents/',
      ...adolescents.flatMap((id) => [`/hampshire/actions/${id}/`, '/hampshire/groups/adolescents-task-and-finish-group/']),
      '/hampshire/priorities/responding-to-neglect/',
      ...neglect.flatMap((id) => [`/hampshire/actions/${id}/`, '/hampshire/groups/neglect-task-and-finish-group/']),
    ]);
    expect(
      itemLinks(sectionAfter(page('/hampshire/years/2021-22/'), 'work'), 'hampshire').filter((l) => l.startsWith('actions/')),
    ).toHaveLength(28);
  });

  it('an action links to its priority, its groups and its years, and they link back', () => {
    const html = page('/hampshire/actions/ceraf-roll-out-review/');
    const hrefs = links(html);
    expect(hrefs).toContain('/hampshire/priorities/child-exploitation-review/');
    expect(hrefs).toContain('/hampshire/groups/child-exploitation-review-group/');
    expect(hrefs).toContain('/hampshire/years/2021-22/');
    for (const back of [
      '/hampshire/priorities/child-exploitation-review/',
      '/hampshire/groups/child-exploitation-review-group/',
      '/hampshire/years/2021-22/',
    ]) {
      expect(links(page(back)), back).toContain('/hampshire/actions/ceraf-roll-out-review/');
    }
  });

  it("uses each partnership's own words for its levels", () => {
    expect(page('/hampshire/priorities/responding-to-neglect/')).toContain('<span class="caption">Strategic Objective</span>');
    expect(page('/hampshire/priorities/child-exploitation-review/')).toContain('<span class="caption">Strategic Activity</span>');
    expect(page('/hounslow/priorities/neglect/')).toContain('<span class="caption">Priority</span>');
    expect(page('/hounslow/actions/' + files.find((f) => f.partnership === 'hounslow' && f.type === 'action')!.id + '/')).toContain(
      '<span class="caption">Strategic Objective</span>',
    );
  });

  it('shows status as words, never by colour alone', () => {
    const html = page('/hampshire/priorities/responding-to-neglect/');
    const counts = html.replace(/\s+/g, ' ');
    expect(counts).toMatch(/6 <strong class="tag tag--complete">Complete<\/strong>/);
    // The seed says nothing about the 2021-22 actions' progress: the site says so, and invents nothing.
    expect(counts).toMatch(/5 <strong class="tag tag--none">No status reported<\/strong>/);
    expect(html).not.toContain('Not started');
  });

  it('shows no status the seeds do not give, on either site', () => {
    // Every page but the one that explains each status, as a key.
    for (const file of htmlFiles(root).filter((f) => !f.includes('how-status-is-worked-out'))) {
      // A stylesheet inlined in a page names every status's class: only the markup counts.
      const markup = readFileSync(path.join(root, file), 'utf8').replace(/<style>[\s\S]*?<\/style>/g, '');
      expect(markup, file).not.toMatch(
        /tag--not-started|tag--in-progress|tag--delayed|tag--ongoing|breakdown__part--(?!complete|none|cancelled)/,
      );
    }
  });

  it("says on Hounslow's home page that its plan ran 2019-21", () => {
    const home = page('/hounslow/')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(home).toContain('This plan has ended. The Business Plan 2019-21 covered April 2019 to March 2021.');
  });

  it('joint work links to the joint partnership', () => {
    const html = page('/hampshire/priorities/responding-to-neglect/');
    expect(html).toContain('Isle of Wight Safeguarding Children Partnership');
  });

  it('puts breadcrumbs on every page but the homes', () => {
    const without = htmlFiles(root)
      .filter((f) => f.split('/').length > 2)
      .filter((f) => !readFileSync(path.join(root, f), 'utf8').includes('aria-label="Breadcrumb"'));
    expect(without).toEqual([]);
  });

  it("keeps each partnership's site to its own plan", () => {
    for (const [own, other, otherName] of [
      ['hampshire', 'hounslow', 'Hounslow'],
      ['hounslow', 'hampshire', 'Hampshire'],
    ]) {
      const leaks = htmlFiles(root, own).filter((f) => {
        const html = readFileSync(path.join(root, f), 'utf8');
        return html.includes(`/${other}/`) || html.includes(otherName);
      });
      expect(leaks, own).toEqual([]);
    }
  });

  it('has one h1 and headings in order on every page', () => {
    const bad: string[] = [];
    for (const file of htmlFiles(root)) {
      const html = readFileSync(path.join(root, file), 'utf8');
      const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      if (levels.filter((l) => l === 1).length !== 1) bad.push(`${file}: ${levels.filter((l) => l === 1).length} h1`);
      levels.forEach((level, i) => {
        if (i > 0 && level > levels[i - 1] + 1) bad.push(`${file}: h${levels[i - 1]} then h${level}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('ships no JavaScript on content pages: only search, and the quick exit of "Worried about a child?"', () => {
    const withScript = htmlFiles(root)
      .filter((f) => !f.endsWith('search/index.html') && !f.endsWith('worried-about-a-child/index.html'))
      .filter((f) => /<script\b/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(withScript).toEqual([]);
  });
});
