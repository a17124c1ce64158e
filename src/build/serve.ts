/**
 * A small static file server for the built sites: `npm run preview` and the browser tests.
 * Serves only files under its root, `index.html` for folders, and 404 otherwise, with the
 * nearest `404.html` as static hosts do.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The `404.html` nearest a missing address, as static hosts serve it: the site's own, else the root's. */
function notFoundPage(base: string, pathname: string): string | undefined {
  for (let dir = path.posix.dirname(`${pathname}x`); ; dir = path.posix.dirname(dir)) {
    const page = path.join(base, dir, '404.html');
    if (page.startsWith(base) && existsSync(page)) return page;
    if (dir === '/' || dir === '.') return undefined;
  }
}

export function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = path.join(base, pathname);
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${pathname}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      statSync(file);
    } catch {
      const page = notFoundPage(base, pathname);
      response.writeHead(404, { 'content-type': page ? types['.html'] : 'text/plain; charset=utf-8' });
      if (page) createReadStream(page).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}
