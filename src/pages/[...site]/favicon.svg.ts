import type { APIRoute } from 'astro';
import type { PartnershipNode } from '../../model/plan-index.ts';
import { singlePartnership, sitePaths } from '../../site/data.ts';
import { brandColour } from '../../model/format.ts';
import { defaultColour, faviconSvg } from '../../site/favicon.ts';

export function getStaticPaths() {
  const sites = sitePaths(() => [{ props: {} }]);
  return singlePartnership() ? sites : [...sites, { params: { site: undefined }, props: { partnership: undefined } }];
}

export const GET: APIRoute<{ partnership?: PartnershipNode }> = ({ props }) => {
  const data = props.partnership?.entry.data;
  return new Response(faviconSvg((data && brandColour(data)) ?? defaultColour, data ? data.shortName.charAt(0) : 'P'), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
