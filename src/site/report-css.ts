/**
 * The printed annual report's running text: the partnership's name and the year at the top of
 * every page, and "Page 2 of 9" at the bottom, in CSS page margin boxes. They differ for each
 * partnership and year, and the pages' Content-Security-Policy allows no inline style, so each
 * report links its own small stylesheet (from the site's own origin), written here.
 */
import type { PartnershipNode, YearNode } from '../model/graph/nodes.ts';

/** Text as a CSS string: quotes and backslashes escaped, line breaks and controls dropped. */
function cssString(text: string): string {
  let safe = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) continue;
    safe += char === '"' || char === '\\' ? `\\${char}` : char;
  }
  return `"${safe}"`;
}

export function reportPageCss(partnership: PartnershipNode, year: YearNode): string {
  const running = `${partnership.entry.data.name} · Annual progress report ${year.id}`;
  return `@media print {
  @page {
    size: A4;
    margin: 18mm 12mm 16mm;
    @top-left {
      content: ${cssString(running)};
      font: 9pt system-ui, sans-serif;
      color: #000;
    }
    @bottom-right {
      content: "Page " counter(page) " of " counter(pages);
      font: 9pt system-ui, sans-serif;
      color: #000;
    }
  }
}
`;
}
