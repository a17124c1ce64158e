/**
 * The hosting guidance the build writes, on the real build of the bundled content: a
 * `_headers` file that Netlify and Cloudflare Pages apply, a Content-Security-Policy <meta>
 * in every page for hosts that cannot send headers, the same headers from the preview
 * server, and the same values in README.md for every other host.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/builder/serve.ts';
import { rawRequest } from '../helpers/http.ts';
import { htmlFiles, siteDir } from '../helpers/site.ts';

const root = siteDir();

/** `_headers` read by hand, the way its format is documented: a path, then indented "Name: value" lines. */
function headersFile(): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of readFileSync(path.join(root, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!line.startsWith(' ')) rules[line.trim()] = current = {};
    else if (current) current[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
  }
  return rules;
}

/** A policy as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Sources that would let a page load or run something from anywhere but its own origin. */
const foreign = (sources: string[]) => sources.filter((s) => /^(\*|https?:|data:|blob:|'unsafe-eval'|ws)/.test(s) || s.includes('.'));

describe('hosting headers', () => {
  it('the build writes _headers at the root of the output: a policy allowing only the site itself, and the standard protections', () => {
    const rules = headersFile();
    expect(Object.keys(rules)).toEqual(['/*']);
    const headers = rules['/*'];
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('same-origin');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    const policy = directives(headers['Content-Security-Policy']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const [name, sources] of policy) expect(foreign(sources), name).toEqual([]);
  });

  it("every page carries the policy in a <meta>, before any style or script, with the hash of each of the page's stylesheets", () => {
    const pages = htmlFiles(root);
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const html = readFileSync(path.join(root, file), 'utf8');
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
      expect(meta, file).not.toBeNull();
      const at = meta!.index;
      expect(at, file).toBeLessThan(html.indexOf('</head>'));
      for (const tag of ['<style', '<script', '<link rel="stylesheet"']) {
        if (html.includes(tag)) expect(at, `${file}: ${tag}`).toBeLessThan(html.indexOf(tag));
      }
      // Referrer-Policy too, for hosts that cannot send headers.
      expect(html, file).toContain('<meta name="referrer" content="same-origin">');
      const policy = directives(meta![1]);
      expect(policy.get('default-src'), file).toEqual(["'none'"]);
      expect(policy.has('frame-ancestors'), `${file}: browsers ignore frame-ancestors in a <meta>, and say so`).toBe(false);
      for (const [name, sources] of policy) {
        expect(foreign(sources), `${file}: ${name}`).toEqual([]);
        expect(sources, `${file}: ${name}`).not.toContain("'unsafe-inline'");
      }
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
        expect(policy.get('style-src'), file).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
      }
    }
  });

  it('the preview server sends what _headers says, with pages and with the files search loads, and does not serve _headers', async () => {
    const { server, url } = await serveStatic(root);
    try {
      const expected = headersFile()['/*'];
      for (const target of [
        '/',
        '/hampshire/',
        '/hampshire/pagefind/pagefind-worker.js',
        '/hampshire/pagefind/wasm.en.pagefind',
        '/missing/',
      ]) {
        const response = await rawRequest(url, target);
        for (const [name, value] of Object.entries(expected)) expect(response.headers[name.toLowerCase()], `${target} ${name}`).toBe(value);
      }
      expect((await rawRequest(url, '/_headers')).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('README gives other hosts exactly the headers the build writes', () => {
    const readme = readFileSync('README.md', 'utf8');
    const deploying = readme.slice(readme.indexOf('## Deploying'), readme.indexOf('\n## ', readme.indexOf('## Deploying') + 1));
    for (const [name, value] of Object.entries(headersFile()['/*'])) {
      expect(deploying, name).toContain(`${name}: ${value}`);
      // nginx, Apache and IIS spell each header out in their own syntax.
      expect(deploying, `nginx ${name}`).toContain(`add_header ${name} "${value}" always;`);
      expect(deploying, `Apache ${name}`).toContain(`Header always set ${name} "${value}"`);
      expect(deploying, `IIS ${name}`).toContain(`<add name="${name}" value="${value}" />`);
    }
  });
});
