import type { APIRoute } from 'astro';
import type { PartnershipNode } from '../../model/graph/nodes.ts';
import { brandColour } from '../../model/format.ts';
import { rootListing, sitePaths } from '../../site/data.ts';
import { defaultColour, faviconSvg } from '../../site/favicon.ts';

export function getStaticPaths() {
  const sites = sitePaths(() => [{ props: {} }]);
  return rootListing() ? [...sites, { params: { site: undefined }, props: { partnership: undefined } }] : sites;
}

export const GET: APIRoute<{ partnership?: PartnershipNode }> = ({ props }) => {
  const data = props.partnership?.entry.data;
  return new Response(faviconSvg((data && brandColour(data)) ?? defaultColour, data ? data.shortName.charAt(0) : 'P'), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
