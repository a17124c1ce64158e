// The site's settings come from the build (src/builder/build.ts), which passes them to Astro in
// environment variables that src/config.ts both writes and reads: the site's URL and base path,
// when one partnership is built for its own domain, the checked content, Astro's cache.
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { cspDirectives, scriptSources } from './src/builder/headers.ts';
import { siteSettings } from './src/config.ts';

const settings = siteSettings();

/**
 * `astro dev` reloads the page when a content file changes. The site reads content through our
 * own check (src/site/data.ts), not Astro's content collections, so Astro does not watch it itself.
 */
function reloadOnContentChange() {
  const contentDir = settings.contentDir;
  return {
    name: 'plan-publisher:reload-on-content-change',
    configureServer(server) {
      server.watcher.add(contentDir);
      const reload = (file) => {
        if (!file.startsWith(contentDir + path.sep)) return;
        // Astro keeps each page's getStaticPaths() result until it hears this event (the one its
        // own content layer sends), so new, renamed and edited files show on the next request.
        for (const [name, environment] of Object.entries(server.environments)) {
          if (name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
    },
  };
}

export default defineConfig({
  site: settings.site,
  base: settings.base,
  // Each build gets its own cache so builds of different content folders never share stale data.
  cacheDir: settings.cacheDir ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small: inlining the stylesheet saves a request, so a page arrives in one round trip.
    inlineStylesheets: 'always',
  },
  // Each page carries a Content-Security-Policy <meta> listing the hash of every stylesheet
  // and script Astro writes, so no script or style but the site's own can run, on any host, even
  // one that cannot send headers (src/builder/headers.ts explains the directives).
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
  vite: { plugins: [reloadOnContentChange()] },
});
