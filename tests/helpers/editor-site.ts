/**
 * A real build of a partnership that declares the editor on GitHub (`editor:` in its
 * partnership.md): the strands fixture, copied to a temporary folder with that field added.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from '../../src/builder/build.ts';

export interface EditorSite {
  contentDir: string;
  outDir: string;
  result: BuildResult;
  remove(): void;
}

export const editorPartnership = 'northborough';
export const editorRepository = 'northborough-scp/business-plan';

export async function buildEditorSite(): Promise<EditorSite> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'editor-site-'));
  const contentDir = path.join(root, 'content');
  cpSync(fileURLToPath(new URL('../fixtures/strands-plan/content', import.meta.url)), contentDir, { recursive: true });
  const file = path.join(contentDir, editorPartnership, 'partnership.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(/^area: .*$/m, (line) => `${line}\neditor:\n  repository: ${editorRepository}`),
  );
  const outDir = path.join(root, 'dist');
  const result = await build({ contentDir, outDir, cache: false });
  return { contentDir, outDir, result, remove: () => rmSync(root, { recursive: true, force: true }) };
}
