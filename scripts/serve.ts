/** `npm run preview [-- --port 4321] [--out dist]`: serves what `npm run build` wrote. */
import { existsSync } from 'node:fs';
import { serveStatic } from '../src/build/serve.ts';
import { flag } from '../src/config.ts';

const args = process.argv.slice(2);
const root = flag(args, 'out') ?? 'dist';
if (!existsSync(root)) {
  console.error(`There is no ${root}/ folder yet: run \`npm run build\` first.`);
  process.exit(1);
}
const { url } = await serveStatic(root, Number(flag(args, 'port') ?? 4321));
console.log(`Serving ${root}/ at ${url}/ (press Ctrl+C to stop)`);
