/**
 * The site's own words, for the search page's "did you mean" (src/search/spelling.ts): every
 * word search indexes, from the same content SearchData.astro writes into each page. Fetched
 * only when a query has a word no page has, so a first search never downloads it.
 */
import type { APIRoute } from 'astro';
import { sitePaths, type SiteProps } from '@/site/data.ts';
import { indexedContent, searchedNodes, siteWords, type IndexedContent } from '@/search/indexed-content.ts';

export const getStaticPaths = () => sitePaths(() => [{ props: {} }]);

const searchedPages = (p: SiteProps['partnership']): IndexedContent[] =>
  searchedNodes(p)
    .map(indexedContent)
    .filter((c): c is IndexedContent => c !== undefined);

export const GET: APIRoute<SiteProps> = ({ props }) =>
  new Response(JSON.stringify(siteWords(searchedPages(props.partnership))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
