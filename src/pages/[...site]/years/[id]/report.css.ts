import type { APIRoute } from 'astro';
import type { YearNode } from '@/model/graph/nodes.ts';
import { reportPageCss } from '@/site/report-css.ts';
import { sitePaths, type SiteProps } from '@/site/data.ts';

export const getStaticPaths = () =>
  sitePaths((p) => p.years.filter((y) => y.plans.length > 0).map((year) => ({ params: { id: year.slug }, props: { year } })));

export const GET: APIRoute<SiteProps & { year: YearNode }> = ({ props }) =>
  new Response(reportPageCss(props.partnership, props.year), { headers: { 'content-type': 'text/css; charset=utf-8' } });
