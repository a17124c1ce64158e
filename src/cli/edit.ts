/**
 * `plan-publisher edit` (`npm run edit`): the editor in the browser, on this computer only
 * (127.0.0.1), writing into the content folder until Ctrl+C. Its forms come from the schemas;
 * each save changes only the edited lines and is checked at once.
 */
import { existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { startEditor } from '../authoring/editor-server.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { contentOption, portOption, stringOption } from './options.ts';

export interface EditOptions {
  contentDir: string;
  port: number;
  previewUrl: string;
}

const defaultPort = 4322;
/** Where `npm run dev` (astro dev) shows the site. */
const defaultPreview = 'http://localhost:4321/';

const usage = `Usage: npm run edit [-- --content DIR] [--port N] [--preview URL]

Starts the editor at http://127.0.0.1:${defaultPort}/ (on this computer only), until Ctrl+C.
Its forms write into the content folder; each save is checked at once. Run npm run dev
beside it to see the site change as you save.

  --content DIR   the content folder (default: content, or $PLAN_CONTENT)
  --port N        the port to serve the editor on (default: ${defaultPort})
  --preview URL   where the live preview is, linked from the editor (default: ${defaultPreview})
  --help          show this`;

export const editCommand: Command<EditOptions> = {
  name: 'edit',
  usage,
  options: { content: { type: 'string' }, port: { type: 'string' }, preview: { type: 'string' } },
  parse: (line) => ({ contentDir: contentOption(line), port: portOption(line, defaultPort), previewUrl: previewOption(line) }),
  run: edit,
};

function previewOption(line: CommandLine): string {
  const given = stringOption(line, 'preview') ?? defaultPreview;
  if (!/^https?:\/\/[^\s]+$/.test(given))
    throw new UsageError(`--preview "${given}" is not a web address: write it like ${defaultPreview}`);
  return given;
}

/** Serves the editor; settles only when the server stops. */
export async function edit(options: EditOptions): Promise<CommandOutcome> {
  if (!existsSync(options.contentDir) || !statSync(options.contentDir).isDirectory()) {
    return { exitCode: 1, report: `There is no content folder at ${options.contentDir}/: run the editor where your plan's content is.` };
  }
  let started: Awaited<ReturnType<typeof startEditor>>;
  try {
    started = await startEditor(options);
  } catch (error) {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    if (!inUse) throw error;
    return { exitCode: 1, report: `Port ${options.port} is in use: start the editor on another, like --port ${options.port + 1}.` };
  }
  console.log(`The editor is at ${started.url}/ (on this computer only; press Ctrl+C to stop)`);
  console.log(`Saves are written into ${options.contentDir}/. Run npm run dev beside it to see the site at ${options.previewUrl}`);
  process.on('SIGINT', () => started.server.close());
  await once(started.server, 'close');
  return { exitCode: 0 };
}
