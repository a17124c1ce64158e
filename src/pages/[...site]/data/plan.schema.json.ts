import type { APIRoute } from 'astro';
import { planJsonSchemaDocument } from '@/open-data/plan-json.ts';
import { sitePaths } from '@/site/data.ts';

export const getStaticPaths = () => sitePaths(() => [{ props: {} }]);

export const GET: APIRoute = () =>
  new Response(JSON.stringify(planJsonSchemaDocument(), null, 2), { headers: { 'content-type': 'application/schema+json' } });
