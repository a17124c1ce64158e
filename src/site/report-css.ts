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
  /* Ratings keep their colour on paper, their word inside, so Red and Blue never print as the same grey. */
  .report .tag--rating-0 {
    background: var(--rating-0) !important;
    color: var(--rating-0-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-1 {
    background: var(--rating-1) !important;
    color: var(--rating-1-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-2 {
    background: var(--rating-2) !important;
    color: var(--rating-2-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-3 {
    background: var(--rating-3) !important;
    color: var(--rating-3-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-4 {
    background: var(--rating-4) !important;
    color: var(--rating-4-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-5 {
    background: var(--rating-5) !important;
    color: var(--rating-5-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-6 {
    background: var(--rating-6) !important;
    color: var(--rating-6-text) !important;
    print-color-adjust: exact;
  }
  .report .tag--rating-7 {
    background: var(--rating-7) !important;
    color: var(--rating-7-text) !important;
    print-color-adjust: exact;
  }
  /* The cover: the partnership, the year and the headline figures alone on the first page. */
  .report-cover {
    break-after: page;
    padding-top: 30mm;
  }
  .report-cover h1 {
    font-size: 24pt;
  }
  /* The contents on as few lines as it takes: it must not push the summary off its page. */
  .report-contents ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25rem;
    padding: 0;
    list-style: none;
    font-size: 9pt;
  }
}
`;
}
