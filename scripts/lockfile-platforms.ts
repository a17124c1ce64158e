/**
 * `node scripts/lockfile-platforms.ts`: run after `npm install` changes package-lock.json.
 *
 * Astro's compiler and Pagefind ship one optional package per platform. When the registry
 * npm installs from lacks some of them (a mirror that lags behind), `npm install` leaves them
 * out of the lockfile silently, and `npm ci` then refuses the lockfile ("Missing: ... from lock
 * file"). This adds each missing platform package back as an optional entry with its os and
 * cpu, so `npm ci` skips it on other platforms and fetches it on its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, Entry> };
const packages = lock.packages;
const part = (name: string, words: Record<string, string>) =>
  Object.entries(words).find(([word]) => new RegExp(`(^|-)${word}(-|$)`).test(name))?.[1];

const added: string[] = [];
for (const entry of Object.values({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`]) continue;
    const base = name.split('/').pop()!;
    const os = part(base, { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', freebsd: 'freebsd', android: 'android' });
    const cpu = part(base, { arm64: 'arm64', x64: 'x64', wasm32: 'wasm32', arm: 'arm' });
    const libc = /musl/.test(base) ? 'musl' : /gnu/.test(base) ? 'glibc' : undefined;
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform packages to package-lock.json:\n  ${added.join('\n  ')}`
    : 'package-lock.json already lists every platform package.',
);
