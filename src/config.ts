/**
 * Settings shared by the command-line tools and the Astro build. The content folder is a
 * setting so a partnership can keep its plan in its own repository and point the tool at it.
 */
import path from 'node:path';

/** Reads `--name value` or `--name=value` from an argument list. */
export function flag(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

/** The content folder: `--content DIR`, else $PLAN_CONTENT, else `content/`. */
export function contentDir(args: readonly string[] = []): string {
  return path.resolve(flag(args, 'content') || process.env.PLAN_CONTENT || 'content');
}
