/** What a link to another website says about where it goes, so nobody is surprised by where they land. */

/** "example.org.uk", or "PDF, example.org.uk" for a PDF: the site's host without "www.". */
export function destinationOf(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^www\./, '');
  return /\.pdf$/i.test(parsed.pathname) ? `PDF, ${host}` : host;
}

/** A phone number as a `tel:` link: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
