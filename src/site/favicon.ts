/**
 * The site's icon: the first letter of the partnership's short name, white on its colour, so
 * a tab or bookmark among several partnerships' sites can be told apart. SVG, drawn at build time.
 */
import { escapeMarkup } from '../model/markup-text.ts';

/** The header's colour when a partnership gives none (the --brand default in site.css). */
export const defaultColour = '#1d4f91';

export function faviconSvg(colour: string, letter: string): string {
  const text = escapeMarkup(letter);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    `<rect width="32" height="32" rx="6" fill="${escapeMarkup(colour)}"/>`,
    `<text x="16" y="23" text-anchor="middle" font-family="system-ui, Arial, sans-serif" font-size="21" font-weight="700" fill="#fff">${text}</text>`,
    '</svg>',
  ].join('');
}
