/**
 * A partnership's colours, as CSS custom properties on the page's <html>: its brand colour, and
 * each level of its rating scale with the text colour readable on it. They live there because
 * the page's Content-Security-Policy allows no style attribute after its <meta> (the attribute
 * on <html> comes before it); the stylesheet's .tag--rating-N classes read them.
 */
import type { PartnershipNode } from '../model/graph/nodes.ts';
import { brandColour } from '../model/content-format.ts';
import { textColourOn } from '../../schemas/values/rating.ts';

/** The most levels a rating scale may have: the stylesheet has a class for each. */
export const maxRatingLevels = 8;

export function pageColours(partnership: PartnershipNode): string {
  const brand = brandColour(partnership.entry.data);
  const colours = brand ? [`--brand:${brand}`] : [];
  partnership.ratingScale.levels.slice(0, maxRatingLevels).forEach((level, index) => {
    colours.push(`--rating-${index}:${level.colour}`, `--rating-${index}-text:${textColourOn(level.colour)}`);
  });
  return colours.join(';');
}

/** The class that colours a rating's tag, from where its level sits on the scale of the site it is shown on. */
export function ratingClass(partnership: PartnershipNode, rating: { id: string; scale: string }): string {
  const index = partnership.ratingScale.name === rating.scale ? partnership.ratingScale.levels.findIndex((l) => l.id === rating.id) : -1;
  return index >= 0 && index < maxRatingLevels ? `tag tag--rating tag--rating-${index}` : 'tag tag--rating';
}
