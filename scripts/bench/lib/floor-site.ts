/**
 * The floor the site benchmark compares our build with: bare Astro turning the same Markdown
 * files into one page each (a content collection with Astro's own glob loader and Markdown
 * renderer, one route, a plain layout), then Pagefind over the output. Nothing of ours runs in
 * it, so what it costs per page is what any Astro + Pagefind site of that size costs.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'floor', private: true, type: 'module' }),
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
export default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.FLOOR_CONTENT }) }),
};
`,
  'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('docs')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title ?? entry.data.name ?? entry.id)}</title></head>
<body><main data-pagefind-body><h1>{String(entry.data.title ?? entry.data.name ?? entry.id)}</h1><Content /></main></body></html>
`,
};

export interface FloorProject {
  root: string;
  /** The command that builds it, and the environment it needs. */
  command: string[];
  env: NodeJS.ProcessEnv;
  outDir: string;
  remove: () => void;
}

/** Writes the floor's Astro project into a temp folder, sharing this project's node_modules. */
export function floorProject(contentDir: string): FloorProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-floor-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const outDir = path.join(root, 'dist');
  return {
    root,
    command: [process.execPath, path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root, '--outDir', outDir],
    env: { ...process.env, FLOOR_CONTENT: path.resolve(contentDir), ASTRO_TELEMETRY_DISABLED: '1' },
    outDir,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
