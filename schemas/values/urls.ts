/**
 * Which web addresses the site links to. One rule for the fields that hold an address, for the
 * links authors write in Markdown, and for the renderer's sanitiser, so what the check accepts is
 * exactly what a page can carry: nothing that runs script (`javascript:`, `data:`), nothing that
 * makes a reader's browser call another site unasked (a picture from elsewhere).
 */

/** Schemes a link in Markdown may use. Anything else with a scheme is refused. */
export const linkSchemes = ['https', 'http', 'mailto', 'tel'] as const;

/** The address as a browser reads it: leading spaces and control characters, tabs and line breaks ignored. */
function asBrowserReads(url: string): string {
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start += 1;
  return url.slice(start).replace(/[\t\n\r]/g, '');
}

function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(asBrowserReads(url))?.[1].toLowerCase();
}

/**
 * True for an address that stays on this site: a fragment, a path, or a relative link. Browsers
 * read `//host` and `/\host` as another site, so those are not.
 */
export function isSameSite(url: string): boolean {
  return schemeOf(url) === undefined && !/^[\\/]{2}/.test(asBrowserReads(url));
}

/** True when a Markdown link may go to this address. */
export function isAllowedLink(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined ? isSameSite(url) : (linkSchemes as readonly string[]).includes(scheme);
}

/**
 * True when the text is a complete web address with one of the schemes and a host, like
 * `https://www.example.org.uk/plan`: what a field such as `website` must hold.
 */
export function isWebAddress(text: string, schemes: readonly string[]): boolean {
  if (text !== text.trim() || !URL.canParse(text)) return false;
  const url = new URL(text);
  return schemes.includes(url.protocol.slice(0, -1)) && url.hostname !== '' && /^[a-z]+:\/\/[^/\\]/i.test(text);
}
