/**
 * `npm run check -- --watch`: re-runs the check whenever a file in the content folder is
 * saved. Editors save in bursts (a temp file, a rename, a second write), so changes are
 * gathered for a moment and checked once.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { visible } from '../model/terminal-text.ts';

/** Editor leftovers and the tools' own temporary files: saving them is not a change. */
export function isNoise(filename: string | null): boolean {
  if (!filename) return false;
  const name = path.basename(filename);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name) || /^#.*#$/.test(name) || name === '4913';
}

export interface Watcher {
  close(): void;
}

/** Calls `onChange` once per burst of changes under `folder`, `debounceMs` after the last one. */
export function watchFolder(folder: string, onChange: (changed: string[]) => void, debounceMs = 200): Watcher {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event: string, filename: string | Buffer | null) => {
    const name = filename === null ? null : String(filename);
    if (isNoise(name)) return;
    if (name) changed.add(name.split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const list = [...changed].sort();
      changed.clear();
      onChange(list);
    }, debounceMs);
  });
  watcher.on('error', () => {
    // The folder itself was removed or renamed: keep the last report on screen and stop.
    clearTimeout(timer);
    watcher.close();
    process.stderr.write(`\nThe folder ${visible(folder)} can no longer be watched (was it moved or deleted?). Stopped.\n`);
    process.exitCode = 1;
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/** "14:05:09" in the author's local time. */
export function clockTime(date = new Date()): string {
  return date.toLocaleTimeString('en-GB', { hour12: false });
}
