/**
 * Pages that list work stay bounded whatever the plan's size: a list longer than `perPage` is
 * split over numbered pages (`.../page/2/`), each showing the counts for the whole list and
 * links to the others. A priority with 10,000 actions then has 200 pages of 50, not one page of
 * megabytes. The annual report, which must stay printable, summarises instead (AnnualReport.astro).
 */

/** Lines of work on one page. */
export const perPage = 50;

/** How many pages a list of `count` items takes: at least one. */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / perPage));
}

/** The items on page `page` (1 first). */
export function pageOf<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** The numbers of the pages after the first, for getStaticPaths. */
export function laterPages(count: number): number[] {
  return Array.from({ length: pageCount(count) - 1 }, (_, i) => i + 2);
}

/** The address of page `page` of a list whose first page is at `first` (ending in /). */
export function pageHrefOf(first: string, page: number): string {
  return page === 1 ? first : `${first}page/${page}/`;
}

/** Where a page is in its list, for the pages that show one. */
export interface Paging {
  /** This page's number, 1 first. */
  page: number;
  /** How many pages the list takes. */
  pages: number;
  /** The address of the list's first page. */
  first: string;
}

/** " (page 2 of 5)" for a title, or nothing on the first page of a one-page list. */
export function pageSuffix(paging: Paging | undefined): string {
  return paging && paging.pages > 1 && paging.page > 1 ? ` (page ${paging.page} of ${paging.pages})` : '';
}
