import type { APIRoute } from 'astro';
import type { PartnershipNode } from '@/model/graph/nodes.ts';
import { brandColour } from '@/model/content-format.ts';
import { rootListing, sitePaths } from '@/site/data.ts';
import { defaultColour, faviconSvg } from '@/site/favicon.ts';

export function getStaticPaths() {
  const sites = sitePaths(() => [{ props: {} }]);
  return rootListing() ? [...sites, { params: { site: undefined }, props: { partnership: undefined } }] : sites;
}

/** The short name's first character, whole: an emoji or other character outside the BMP is two code units. */
const firstCharacter = (text: string) => String.fromCodePoint(text.codePointAt(0) ?? 0x50);

export const GET: APIRoute<{ partnership?: PartnershipNode }> = ({ props }) => {
  const data = props.partnership?.entry.data;
  return new Response(faviconSvg((data && brandColour(data)) ?? defaultColour, data ? firstCharacter(data.shortName) : 'P'), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
