/**
 * The code is in layers, and imports only point down: a module may import from its own layer or
 * a lower one, never a higher one, and no module imports itself round a loop (type-only imports
 * included: a loop of types is still two modules that cannot be read apart).
 *
 *   0  schemas/                 what a file may say (zod, and schemas/values/ for the values' rules)
 *   1  src/config.ts, src/package-root.ts   where the tool reads and writes
 *   2  src/model/               the content parsed, validated, linked and resolved into facts
 *   3  src/site/, open-data/, search/, glossary/, vocabulary/, charts/   what views need
 *   4  src/components/, layouts/, pages/, middleware.ts   the pages
 *   5  src/builder/, report/, authoring/, cli/   the commands
 *   6  scripts/                 thin entry points and benchmarks
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const checkout = fileURLToPath(new URL('../..', import.meta.url));

const layers: Array<[number, RegExp]> = [
  [0, /^schemas\//],
  [1, /^src\/(config|package-root)\.ts$/],
  [2, /^src\/model\//],
  [3, /^src\/(site|open-data|search|glossary|vocabulary|charts)\//],
  [4, /^src\/(components|layouts|pages)\/|^src\/middleware\.ts$/],
  [5, /^src\/(builder|report|authoring|cli)\//],
  [6, /^scripts\//],
];

function layerOf(file: string): number {
  const found = layers.find(([, pattern]) => pattern.test(file));
  if (!found) throw new Error(`${file} is in no layer: add its folder to the layers in ${path.basename(import.meta.filename)}`);
  return found[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(checkout, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [file] : [];
  });
}

/** The files of ours a file imports: static imports, re-exports and import(), type-only ones included; `@/` is src/ (tsconfig.json's paths). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(checkout, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*(['"])(\.[^'"\n]+|@\/[^'"\n]+)\1/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*(['"])(\.[^'"\n]+|@\/[^'"\n]+)\1/g),
    ...text.matchAll(/\bimport\(\s*(['"])(\.[^'"\n]+|@\/[^'"\n]+)\1\s*\)/g),
  ].map((match) => match[2].replace(/\?.*$/, ''));
  return specifiers
    .map((specifier) =>
      specifier.startsWith('@/') ? `src/${specifier.slice(2)}` : path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)),
    )
    .filter((target) => /\.(ts|mjs|astro)$/.test(target) && statSync(path.join(checkout, target), { throwIfNoEntry: false }));
}

const files = ['schemas', 'src', 'scripts'].flatMap(sourceFiles);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Every loop of imports, each as the files on it (Tarjan's strongly connected components). */
function loops(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the layers of the code', () => {
  it('reads the import graph: the model imports the schemas, the pages import the model', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(graph.get('src/model/validate.ts')!.some((target) => target.startsWith('schemas/'))).toBe(true);
    expect(files.filter((file) => file.startsWith('src/pages/')).some((file) => graph.get(file)!.length > 0)).toBe(true);
  });

  it('puts every source file in a layer', () => {
    expect(files.filter((file) => !layers.some(([, pattern]) => pattern.test(file)))).toEqual([]);
  });

  it('has no import pointing up a layer', () => {
    const upward = files.flatMap((file) =>
      graph
        .get(file)!
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (layer ${layerOf(file)}) imports ${target} (layer ${layerOf(target)})`),
    );
    expect(upward).toEqual([]);
  });

  it('has no loop of imports', () => {
    expect(loops()).toEqual([]);
  });
});
