/** The names of the kinds of body plans are shared with, as the site shows them. */
import type { BodyKind } from '../../schemas/index.ts';

export const bodyKindNames: Record<BodyKind, string> = {
  'safeguarding-children-partnership': 'Safeguarding Children Partnership',
  'safeguarding-adults-board': 'Safeguarding Adults Board',
  'community-safety-partnership': 'Community Safety Partnership',
  'health-and-wellbeing-board': 'Health and Wellbeing Board',
  'regional-group': 'Regional group',
  'joint-arrangement': 'Joint arrangement',
  other: 'Partner body',
};

/** "Hounslow SAB (Safeguarding Adults Board)": a body named with what it is, unless its name says so already. */
export function bodyWithKind(body: { name: string; kind: BodyKind }): { name: string; kind?: string } {
  const kind = bodyKindNames[body.kind];
  return body.name.toLowerCase().includes(kind.toLowerCase()) ? { name: body.name } : { name: body.name, kind };
}

/**
 * The About page's first line: what the body is and where, from its own partnership.md and
 * nothing else ("Hounslow Safeguarding Children Partnership: Hounslow."). No legal basis or
 * date of setting up is added that the partnership did not write.
 */
export function aboutLine(body: { name: string; kind: BodyKind; area: string }): string {
  const named = bodyWithKind(body);
  return `${body.name}${named.kind ? `, a ${named.kind.toLowerCase()},` : ''} covers ${body.area}.`;
}
