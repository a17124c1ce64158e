// The site's settings come from the build script (scripts/build.ts), which passes them as
// environment variables: PLAN_SITE (the site's URL) and PLAN_BASE (its base path) when one
// partnership is built for its own domain.
import { defineConfig } from 'astro/config';

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
  // Nothing runs on the client except search; no prefetch scripts or dev toolbar in the output.
  prefetch: false,
  devToolbar: { enabled: false },
  // Lets Astro's editor extension autocomplete frontmatter in content files (content/README.md, section 8).
  experimental: { contentIntellisense: true },
});
