/**
 * A small static file server for the built sites: `npm run preview` and the browser tests.
 * Serves only regular files under its root, `index.html` for folders, and answers anything
 * else with a plain status: 400 for a path it cannot read, 404, or 405 for a method other
 * than GET and HEAD. It may be reachable by others on a network, so it reads each request
 * as hostile: it never crashes, never serves a file outside its root, and never redirects
 * off the site. It sends the headers the build's `_headers` file gives, as Netlify and
 * Cloudflare Pages do, so a preview is held to the same Content-Security-Policy as the site.
 */
import { createReadStream, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { headersFor, readHeadersFile } from './headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A request's path, read: its decoded segments, whether it ended with `/`, and its query. */
export interface RequestPath {
  segments: string[];
  trailingSlash: boolean;
  query: string;
}

/**
 * Reads a request target (`/a/b%20c/?q=x`) into decoded path segments, or undefined when it
 * cannot be a path on this site: not starting with `/`, a malformed escape, a `.` or `..`
 * segment, or a segment that decodes to a separator or NUL. Refusing those outright, rather
 * than normalising them, means no spelling of a path can step out of the root.
 */
export function readRequestPath(target: string): RequestPath | undefined {
  if (!target.startsWith('/')) return undefined;
  const [pathPart, query = ''] = target.split('#')[0].split(/\?(.*)/s);
  if (pathPart.includes('\\')) return undefined;
  const segments: string[] = [];
  for (const raw of pathPart.split('/')) {
    if (raw === '') continue; // `//` is one separator, as on most hosts
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return { segments, trailingSlash: pathPart.endsWith('/') || segments.length === 0, query };
}

/**
 * Where a folder requested without its trailing slash redirects: always a path on this
 * site. Rebuilt from the decoded segments, each encoded again, so it can never start with
 * `//` or `/\`, which a browser would read as another host.
 */
export function folderLocation(request: RequestPath): string {
  const query = request.query.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  return `/${request.segments.map(encodeURIComponent).join('/')}/${query ? `?${query}` : ''}`;
}

/** Whether `file` is `root` or inside it, once symbolic links are followed. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(realpathSync(root), realpathSync(file));
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

type Answer = { status: 200; file: string; stats: Stats } | { status: 301; location: string } | { status: 400 | 404 | 405 };

/** What to answer a request, decided without touching the response. */
function answer(base: string, method: string | undefined, target: string): Answer {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  const request = readRequestPath(target);
  if (!request) return { status: 400 };
  // Hosts do not serve their own configuration files; neither does the preview.
  if (request.segments.length === 1 && request.segments[0] === '_headers') return { status: 404 };
  let file = path.join(base, ...request.segments);
  try {
    if (!isInside(base, file)) return { status: 404 };
    let stats = statSync(file);
    if (stats.isDirectory()) {
      if (!request.trailingSlash) return { status: 301, location: folderLocation(request) };
      file = path.join(file, 'index.html');
      if (!isInside(base, file)) return { status: 404 };
      stats = statSync(file);
    }
    return stats.isFile() ? { status: 200, file, stats } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

const messages: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  500: 'Server error',
};

/**
 * The headers `<root>/_headers` gives a request's path. Read for every request: a build
 * publishing while the preview runs may change it, and it is a few hundred bytes.
 */
function hostHeaders(base: string, target: string): Record<string, string> {
  const request = readRequestPath(target);
  if (!request) return {};
  let text: string;
  try {
    text = readFileSync(path.join(base, '_headers'), 'utf8');
  } catch {
    return {};
  }
  const urlPath = `/${request.segments.join('/')}${request.trailingSlash && request.segments.length ? '/' : ''}`;
  return headersFor(readHeadersFile(text), urlPath);
}

function respond(base: string, request: IncomingMessage, response: ServerResponse): void {
  const result = answer(base, request.method, request.url ?? '/');
  const headers: OutgoingHttpHeaders = { ...hostHeaders(base, request.url ?? '/'), 'x-content-type-options': 'nosniff' };
  if (result.status === 200) {
    headers['content-type'] = types[path.extname(result.file)] ?? 'application/octet-stream';
    headers['content-length'] = result.stats.size;
    response.writeHead(200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // The file may vanish between stat and read (a build publishing): end the answer, not the server.
    createReadStream(result.file)
      .on('error', () => response.destroy())
      .pipe(response);
    return;
  }
  if (result.status === 301) headers.location = result.location;
  if (result.status === 405) headers.allow = 'GET, HEAD';
  const page = result.status === 404 ? notFoundPage(base, request.url ?? '/') : undefined;
  if (page) {
    // A missing address gets the site's own "page not found", with search and the priorities.
    headers['content-type'] = types['.html'];
    response.writeHead(404, headers);
    if (request.method === 'HEAD') response.end();
    else
      createReadStream(page)
        .on('error', () => response.destroy())
        .pipe(response);
    return;
  }
  headers['content-type'] = 'text/plain; charset=utf-8';
  response.writeHead(result.status, headers).end(messages[result.status] ?? '');
}

/**
 * The `404.html` nearest a missing address, as static hosts serve it: the site's own, else the
 * root's. Only looked for along the request's own (already checked) segments, inside the root.
 */
function notFoundPage(base: string, target: string): string | undefined {
  const request = readRequestPath(target);
  const segments = request ? [...request.segments] : [];
  for (;;) {
    const page = path.join(base, ...segments, '404.html');
    try {
      if (statSync(page).isFile() && isInside(base, page)) return page;
    } catch {
      // no 404 page at this level
    }
    if (segments.length === 0) return undefined;
    segments.pop();
  }
}

export function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    try {
      respond(base, request, response);
    } catch {
      // Whatever went wrong, it is this request's problem, not every later visitor's.
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(messages[500]);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}
