// The site's settings come from the build script (scripts/build.ts), which passes them as
// environment variables: PLAN_SITE (the site's URL) and PLAN_BASE (its base path) when one
// partnership is built for its own domain.
import { defineConfig } from 'astro/config';
import { cspDirectives, scriptSources } from './src/build/headers.ts';

export default defineConfig({
  site: process.env.PLAN_SITE || undefined,
  base: process.env.PLAN_BASE || '/',
  // Each build gets its own cache so builds of different content folders never share stale data.
  cacheDir: process.env.PLAN_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small: inlining the stylesheet saves a request, so a page arrives in one round trip.
    inlineStylesheets: 'always',
  },
  // Each page carries a Content-Security-Policy <meta> listing the hash of every stylesheet
  // and script Astro writes, so no script or style but the site's own can run, on any host, even
  // one that cannot send headers (src/build/headers.ts explains the directives).
  security: {
    csp: {
      directives: [...cspDirectives],
      scriptDirective: { resources: [...scriptSources] },
      // No style attributes at all. The brand colour on <html> (src/layouts/Base.astro) comes
      // before the <meta>, which governs only what follows it; the header policy allows it.
    },
  },
  // Nothing runs on the client except search; no prefetch scripts or dev toolbar in the output.
  prefetch: false,
  devToolbar: { enabled: false },
  // Lets Astro's editor extension autocomplete frontmatter in content files (content/README.md, section 8).
  experimental: { contentIntellisense: true },
});
