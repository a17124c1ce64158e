/**
 * `plan-publisher preview` (`npm run preview`): serves what the build wrote, with the headers
 * in its _headers file, until Ctrl+C.
 */
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { serveStatic } from '../builder/serve.ts';
import { defaultOutFolder } from '../config.ts';
import type { Command, CommandOutcome } from './command-line.ts';
import { portOption, stringOption } from './options.ts';

export interface PreviewOptions {
  /** The built site. */
  out: string;
  port: number;
}

const defaultPort = 4321;

const usage = `Usage: npm run preview [-- --out DIR] [--port N]

Serves the site npm run build wrote at http://127.0.0.1:${defaultPort}/, until Ctrl+C.

  --out DIR   the built site (default: ${defaultOutFolder})
  --port N    the port to serve it on (default: ${defaultPort})
  --help      show this`;

export const previewCommand: Command<PreviewOptions> = {
  name: 'preview',
  usage,
  options: { out: { type: 'string' }, port: { type: 'string' } },
  parse: (line) => ({ out: stringOption(line, 'out') || defaultOutFolder, port: portOption(line, defaultPort) }),
  run: preview,
};

/** Serves the site; settles only when the server stops. */
export async function preview(options: PreviewOptions): Promise<CommandOutcome> {
  if (!existsSync(options.out)) {
    return { exitCode: 1, report: `There is no ${options.out}/ folder yet: run \`npm run build\` first.` };
  }
  const { server, url } = await serveStatic(options.out, options.port);
  console.log(`Serving ${options.out}/ at ${url}/ (press Ctrl+C to stop)`);
  await once(server, 'close');
  return { exitCode: 0 };
}
