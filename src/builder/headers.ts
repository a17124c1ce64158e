/**
 * The security headers a host should send with the sites, in one place: the Astro config
 * builds each page's Content-Security-Policy <meta> from these directives, the build writes
 * them to `_headers` (read by Netlify and Cloudflare Pages), the preview server sends what
 * `_headers` says, and README.md gives them for other hosts.
 *
 * The sites load nothing from any other origin. Their scripts are our own files in /_astro/
 * (never inlined: astro.config.mjs): the quick exit of "Worried about a child?", and search, our module
 * from /_astro/, which imports Pagefind from the site's own /pagefind/ folder; Pagefind
 * fetches its index files, compiles a WebAssembly module ('wasm-unsafe-eval': WebAssembly
 * only, not JavaScript eval) and starts a web worker from pagefind-worker.js on the same
 * origin (so no blob: workers).
 *
 * Styles: Astro inlines the stylesheet into each page and puts the hash of every inline
 * stylesheet in the page's <meta> policy. A policy in a header that listed those hashes
 * would change with every change of CSS, and have to be copied into a host's settings
 * again each time; so the header allows inline styles, and the <meta> policy, which the
 * browser enforces as well, narrows them to exactly the hashed stylesheets.
 */

/** The directives besides script-src and style-src, shared by the <meta> policy and the header. */
export const cspDirectives = [
  "default-src 'none'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** The policy for the header: frame-ancestors works only there, not in a <meta> element. */
export const headerPolicy = [
  ...cspDirectives,
  `script-src ${scriptSources.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join('; ');

/** Every header to send with every file of the sites. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerPolicy,
  'X-Content-Type-Options': 'nosniff',
  // The sites' own links keep their full address (for the host's logs); other sites get nothing.
  'Referrer-Policy': 'same-origin',
  // Features the sites never use, refused for anything that might try.
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The browser editor's page (src/builder/cms-admin.ts) runs Sveltia CMS, which talks to GitHub's
 * API and shows the avatars GitHub serves: its own policy allows exactly that, and scripts and
 * styles from the site only. Its fields' previews are shown from blob: and data: addresses the
 * editor makes itself. Its web fonts are served from the site (cms-admin.ts); everything else it
 * asks of other sites (its update check on unpkg.com, GitHub's status page) is refused.
 */
export const adminPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "media-src 'self' blob:",
  "connect-src 'self' data: https://api.github.com",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The headers of the editor's folder: the site's, its own policy in place of the site's, and never indexed. */
export const adminHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': [...adminPolicy, "frame-ancestors 'none'"].join('; '),
  'X-Robots-Tag': 'noindex, nofollow',
};

/**
 * The `_headers` file: a path pattern, then its headers indented, as Netlify and Cloudflare Pages
 * read it. `adminPaths` are the editors' folders (like `/hampshire/admin/`), when a site has one:
 * their rule comes after the site's, and `! Content-Security-Policy` takes the site's policy off
 * first (Cloudflare Pages' way; our preview server lets a later rule replace a header).
 */
export function headersFile(adminPaths: readonly string[] = []): string {
  return [
    '# Security headers for every file of the site. Netlify and Cloudflare Pages apply this file;',
    '# for other hosts, see "Deploying" in the Plan Publisher README. Written by the build.',
    '/*',
    ...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`),
    ...adminPaths.flatMap((folder) => [
      `${folder}*`,
      '  ! Content-Security-Policy',
      ...Object.entries(adminHeaders)
        .filter(([name]) => !(name in securityHeaders) || securityHeaders[name] !== adminHeaders[name])
        .map(([name, value]) => `  ${name}: ${value}`),
    ]),
    '',
  ].join('\n');
}

export interface HeaderRule {
  /** A URL path, `*` matching anything (including `/`). */
  pattern: string;
  headers: Array<[string, string]>;
}

/** Reads a `_headers` file into its rules; lines it cannot read are skipped, as hosts do. */
export function readHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers the rules give a URL path; a later rule's header replaces an earlier one of the same name. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(`^${rule.pattern.split('*').map(escapeRegExp).join('.*')}$`);
    if (!pattern.test(urlPath)) continue;
    for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
  }
  return headers;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
