import type { APIRoute } from 'astro';
import { actionsCsv } from '@/open-data/actions-csv.ts';
import { absolute } from '@/site/absolute.ts';
import { sitePaths, type SiteProps } from '@/site/data.ts';
import { hrefOf } from '@/site/links.ts';

export const getStaticPaths = () => sitePaths(() => [{ props: {} }]);

// A byte-order mark first, so Excel opens the UTF-8 file with its accents and quotes intact.
export const GET: APIRoute<SiteProps> = ({ props }) =>
  new Response(`\uFEFF${actionsCsv(props.partnership.actions, (a) => absolute(hrefOf(a)))}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
