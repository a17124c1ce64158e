/**
 * The editor's web server: the editor page (editor-ui/), the content to fill its forms, and saves.
 * It listens on 127.0.0.1 only, and still reads each request as hostile: a request must name this
 * server as its Host (a page on another site, through a rebound name, cannot reach it), and a save
 * must come from the editor's own page (its Origin, JSON, no other site's fetch), so a page open
 * in the same browser cannot write to the content. Nothing here is ever part of a published site.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { packageRoot } from '../package-root.ts';
import { renderMarkdown } from '../site/render-markdown.ts';
import { editorContent, readSaveRequest, saveFile, warningsOf } from './editor-store.ts';
import { idFromTitle } from './ids.ts';

export interface EditorServerOptions {
  contentDir: string;
  port: number;
  /** Where the site's live preview is (`npm run dev`), linked from the page. */
  previewUrl: string;
}

// From the package's own src/ (shipped as it is), also when this module runs compiled from lib/.
const ui = (name: string) => readFileSync(path.join(packageRoot, 'src', 'authoring', 'editor-ui', name), 'utf8');

const pageHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const assets: Record<string, { file: string; type: string }> = {
  '/': { file: 'editor.html', type: 'text/html; charset=utf-8' },
  '/editor.js': { file: 'editor.js', type: 'text/javascript; charset=utf-8' },
  '/editor.css': { file: 'editor.css', type: 'text/css; charset=utf-8' },
};

/** Largest save accepted: far above any content file. */
const maxBody = 1_000_000;

/** Starts the editor; resolves once it listens, with its address. */
export function startEditor(options: EditorServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    handle(request, response, options, server).catch(() => {
      if (response.headersSent) response.destroy();
      else send(response, 500, { error: 'The editor could not do that. See the terminal it runs in.' });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: EditorServerOptions, server: Server): Promise<void> {
  const own = ownOrigins(server);
  if (!own.includes(`http://${request.headers.host ?? ''}`)) return send(response, 421, { error: 'Open the editor at its own address.' });
  const target = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && Object.hasOwn(assets, target)) {
    const asset = assets[target];
    response.writeHead(200, { ...pageHeaders, 'content-type': asset.type }).end(ui(asset.file));
    return;
  }
  if (request.method === 'GET' && target === '/api/content') {
    return send(response, 200, { previewUrl: options.previewUrl, partnerships: editorContent(options.contentDir) });
  }
  if (request.method === 'GET' && target === '/api/id') {
    const title = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('title') ?? '';
    return send(response, 200, { id: idFromTitle(title) });
  }
  if (request.method === 'POST' && Object.hasOwn(actions, target)) {
    if (!isOwnPageRequest(request, own)) return send(response, 403, { error: 'Only the editor page itself can save or preview.' });
    const json = await readJson(request);
    if (!json.ok) return send(response, json.status, { error: json.error });
    return actions[target](json.value, response, options.contentDir);
  }
  send(response, request.method === 'GET' ? 404 : 405, { error: 'There is nothing here.' });
}

/** The addresses the server answers as: 127.0.0.1 or localhost, on its port. */
function ownOrigins(server: Server): string[] {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** A save (or a question about one) from the editor's page: its own Origin, as JSON, and not sent by another site. */
function isOwnPageRequest(request: IncomingMessage, own: string[]): boolean {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
  return origin !== undefined && own.includes(origin) && (site === undefined || site === 'same-origin') && type === 'application/json';
}

type Action = (json: unknown, response: ServerResponse, contentDir: string) => void;

/** What the page posts: a save; the check's warnings about dates outside the plan a save would add, asked before saving; a body to preview. */
const actions: Record<string, Action> = {
  '/api/save': (json, response, contentDir) => {
    const saveRequest = readSaveRequest(json);
    if (typeof saveRequest === 'string') return send(response, 400, { error: `Not saved: ${saveRequest}.` });
    const outcome = saveFile(contentDir, saveRequest);
    if (!outcome.ok) return send(response, outcome.status, { error: `Not saved: ${outcome.message}` });
    send(response, 200, outcome);
  },
  '/api/dates': (json, response, contentDir) => {
    const saveRequest = readSaveRequest(json);
    if (typeof saveRequest === 'string') return send(response, 400, { error: `Not checked: ${saveRequest}.` });
    send(response, 200, { warnings: warningsOf(contentDir, saveRequest) });
  },
  // Rendered by the site's own renderer and sanitiser, so the preview is what the site will show.
  '/api/preview': (json, response) => {
    const text = (json as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') return send(response, 400, { error: 'There is no text to preview.' });
    send(response, 200, { html: renderMarkdown(text) });
  },
};

async function readJson(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string }> {
  const text = await readBody(request);
  if (text === undefined) return { ok: false, status: 413, error: 'That save is too large.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: 'The save could not be read.' };
  }
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...pageHeaders, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
