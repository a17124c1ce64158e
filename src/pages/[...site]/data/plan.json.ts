import type { APIRoute } from 'astro';
import { planJson } from '@/open-data/plan-json.ts';
import { rollUpRule } from '@/model/resolve/status.ts';
import { absolute } from '@/site/absolute.ts';
import { buildDate } from '@/site/build-date.ts';
import { sitePaths, type SiteProps } from '@/site/data.ts';
import { hrefOf } from '@/site/links.ts';

export const getStaticPaths = () => sitePaths(() => [{ props: {} }]);

export const GET: APIRoute<SiteProps> = ({ props }) =>
  new Response(
    JSON.stringify(
      planJson(props.partnership, { urlOf: (n) => absolute(hrefOf(n)), generated: buildDate(), statusRule: rollUpRule }),
      null,
      2,
    ),
    {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  );
