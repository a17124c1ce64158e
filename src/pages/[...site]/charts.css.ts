import type { APIRoute } from 'astro';
import { sitePaths } from '@/site/data.ts';
import charts from '@/styles/charts.css?raw';
import measureList from '@/styles/measure-list.css?raw';

// Only a site with measures has charts to style (src/components/ChartStyles.astro).
export const getStaticPaths = () => sitePaths((p) => (p.measures.length > 0 ? [{ props: {} }] : []));

export const GET: APIRoute = () => new Response(`${charts}\n${measureList}`, { headers: { 'content-type': 'text/css; charset=utf-8' } });
