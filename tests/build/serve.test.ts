/**
 * The preview server (`npm run preview`, and the browser tests) against raw HTTP requests an
 * attacker would send: it never crashes, never serves a file outside the folder it serves,
 * never redirects to another site, and answers only GET and HEAD.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/builder/serve.ts';
import { rawRequest } from '../helpers/http.ts';

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-serve-'));
  const files: Record<string, string> = {
    'dist/index.html': '<!doctype html><title>Home</title>',
    'dist/hampshire/index.html': '<!doctype html><title>Hampshire</title>',
    'dist/hampshire/search/index.html': '<!doctype html><title>Search</title>',
    'dist/notes.txt': 'public notes',
    // Files beside the served folder, one in a folder whose name starts like it.
    'dist-x/secret.txt': 'SECRET in a sibling folder',
    'dist-x/index.html': 'SECRET page in a sibling folder',
    'distillery/secret.txt': 'SECRET in another sibling folder',
    'secret.txt': 'SECRET in the parent folder',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  symlinkSync(path.join(root, 'dist-x'), path.join(root, 'dist/linked'));
  ({ server, url: origin } = await serveStatic(path.join(root, 'dist')));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the preview server', () => {
  it('serves the files in its folder, folders by their index.html', async () => {
    expect((await rawRequest(origin, '/notes.txt')).body).toBe('public notes');
    const home = await rawRequest(origin, '/hampshire/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Hampshire</title>');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers a malformed escape with 400 and keeps serving', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/hampshire/%zz', '/%C0%AF']) {
      const response = await rawRequest(origin, target);
      expect(response.status, target).toBe(400);
    }
    expect((await rawRequest(origin, '/notes.txt')).status).toBe(200);
  });

  it('never serves a file outside its folder, however the path is written', async () => {
    const attempts = [
      '/../dist-x/secret.txt',
      '/../dist-x/',
      '/..%2fdist-x/',
      '/..%2fdist-x',
      '/..%2fdist-x/secret.txt',
      '/..%2Fdist-x/secret.txt',
      '/%2e%2e/dist-x/secret.txt',
      '/%2e%2e%2fdist-x%2fsecret.txt',
      '/..%5cdist-x%5csecret.txt',
      '/..\\dist-x\\secret.txt',
      '/hampshire/..%2f..%2fdist-x/secret.txt',
      '/..%2fdistillery/secret.txt',
      '/..%2f..%2f' + path.basename(root) + '/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/notes.txt%00/../../secret.txt',
      '/..%00/secret.txt',
      '/linked/secret.txt',
      'http://127.0.0.1/../dist-x/secret.txt',
      `${'/..'.repeat(20)}${root}/secret.txt`,
    ];
    for (const target of attempts) {
      const response = await rawRequest(origin, target);
      expect(response.body, target).not.toContain('SECRET');
      expect([400, 404], `${target} answered ${response.status}`).toContain(response.status);
    }
    expect((await rawRequest(origin, '/notes.txt')).status).toBe(200);
  });

  it('refuses NUL bytes and encoded slashes in a path with 400', async () => {
    for (const target of ['/notes.txt%00', '/notes.txt%00.html', '/hampshire%2findex.html', '/hampshire%5cindex.html']) {
      expect((await rawRequest(origin, target)).status, target).toBe(400);
    }
  });

  it('redirects a folder to its trailing slash on this site only, keeping the query', async () => {
    const folder = await rawRequest(origin, '/hampshire/search?q=neglect');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/hampshire/search/?q=neglect');

    const attempts = [
      '//evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/\\evil.example/',
      '//evil.example/hampshire',
      '/%2fevil.example/',
      '/%2Fhampshire',
      '/%5Champshire',
      '//hampshire',
      '/\\hampshire',
      '/./hampshire',
      '/.//hampshire',
      '///hampshire',
      '/hampshire?//evil.example',
    ];
    for (const target of attempts) {
      const { status, headers } = await rawRequest(origin, target);
      expect(status, target).toBeLessThan(500);
      const location = headers.location;
      if (location === undefined) continue;
      expect(location, target).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, origin).origin, target).toBe(origin);
    }
  });

  it('answers only GET and HEAD: anything else is 405 with an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const response = await rawRequest(origin, '/notes.txt', method);
      expect(response.status, method).toBe(405);
      expect(response.headers.allow, method).toBe('GET, HEAD');
    }
    const head = await rawRequest(origin, '/notes.txt', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String('public notes'.length));
  });

  it('sends X-Content-Type-Options: nosniff with every answer, even an error', async () => {
    for (const target of ['/notes.txt', '/missing', '/%E0%A4%A']) {
      expect((await rawRequest(origin, target)).headers['x-content-type-options'], target).toBe('nosniff');
    }
  });
});
