import type { APIRoute } from 'astro';
import { siteSettings } from '@/config.ts';
import { atomFeed } from '@/open-data/feed.ts';
import { buildDate } from '@/site/build-date.ts';
import { sitePaths, type SiteProps } from '@/site/data.ts';
import { hrefOf, pageHref } from '@/site/links.ts';
import { siteHasProgressFeed } from '@/site/said-once.ts';

export const getStaticPaths = () => sitePaths((p) => (siteHasProgressFeed(p) ? [{ props: {} }] : []));

export const GET: APIRoute<SiteProps> = ({ props }) =>
  new Response(
    atomFeed(props.partnership, {
      site: siteSettings().site,
      hrefOf,
      homeHref: hrefOf(props.partnership),
      feedHref: pageHref(props.partnership, 'feed.xml'),
      generated: buildDate(),
    }),
    { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } },
  );
