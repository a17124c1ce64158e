/**
 * Rating scales: red/amber/green by default, or a partnership's own (BRAG with blue for complete,
 * RAGB, four- or five-point scales). A rating is always shown as its label in words on a tag
 * whose colour meets WCAG AA contrast with its text, never as colour alone.
 */

export interface RatingLevel {
  id: string;
  label: string;
  meaning?: string;
  colour: string;
}

export interface RatingScale {
  name: string;
  levels: RatingLevel[];
}

/** The default scale. It gives no meanings: a partnership that rates says what its ratings mean. */
export const defaultRatingScale: RatingScale = {
  name: 'RAG',
  levels: [
    { id: 'red', label: 'Red', colour: '#d4351c' },
    { id: 'amber', label: 'Amber', colour: '#ffdd00' },
    { id: 'green', label: 'Green', colour: '#00703c' },
  ],
};

/** Relative luminance of a #rrggbb colour, as WCAG 2 defines it. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const white = '#ffffff';
const black = '#0b0c0c';

/** The text colour for a tag of this colour: white or near-black, whichever reads better. */
export function textColourOn(background: string): string {
  return contrast(background, white) >= contrast(background, black) ? white : black;
}

/** True when a label on this colour can meet WCAG AA (4.5:1) with white or near-black text. */
export function readableBackground(colour: string): boolean {
  return contrast(colour, textColourOn(colour)) >= 4.5;
}
