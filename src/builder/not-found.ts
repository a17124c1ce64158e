/**
 * Static hosts answer a missing address with the `404.html` nearest it, but Astro writes a
 * "Page not found" route as `404/index.html` like any other page: each is moved to `404.html`,
 * at the root of the build and beside each partnership's home.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export function placeNotFoundPages(dirs: readonly string[]): void {
  for (const dir of new Set(dirs)) {
    const written = path.join(dir, '404', 'index.html');
    if (!existsSync(written)) continue;
    renameSync(written, path.join(dir, '404.html'));
    rmSync(path.join(dir, '404'), { recursive: true, force: true });
  }
}
