/**
 * `plan-publisher edit` (`npm run edit`): the editor in the browser, on this computer only
 * (127.0.0.1), writing into the content folder until Ctrl+C, with the site's live preview beside
 * it (live-preview.ts). Its forms come from the schemas; each save changes only the edited lines
 * and is checked at once.
 */
import { existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { startEditor } from '../authoring/editor-server.ts';
import { UsageError, type Command, type CommandLine, type CommandOutcome } from './command-line.ts';
import { startLivePreview } from './live-preview.ts';
import { contentOption, portOption, stringOption } from './options.ts';

export interface EditOptions {
  contentDir: string;
  port: number;
  /** A live preview already running elsewhere, to link to instead of starting one. */
  previewUrl?: string;
  /** The port the live preview this command starts listens on. */
  previewPort: number;
}

const defaultPort = 4322;
const defaultPreviewPort = 4321;

const usage = `Usage: npm run edit [-- --content DIR] [--port N] [--preview-port N] [--preview URL]

Starts the editor at http://127.0.0.1:${defaultPort}/ and the site's live preview at
http://127.0.0.1:${defaultPreviewPort}/ (both on this computer only), until Ctrl+C. The forms write
into the content folder; each save is checked at once, and shows in the preview on reload.

  --content DIR       the content folder (default: content, or $PLAN_CONTENT)
  --port N            the port to serve the editor on (default: ${defaultPort})
  --preview-port N    the port for the live preview (default: ${defaultPreviewPort})
  --preview URL       link to a preview you run yourself, like http://localhost:4321/, and start none
  --help              show this`;

export const editCommand: Command<EditOptions> = {
  name: 'edit',
  usage,
  options: { content: { type: 'string' }, port: { type: 'string' }, preview: { type: 'string' }, 'preview-port': { type: 'string' } },
  parse: (line) => ({
    contentDir: contentOption(line),
    port: portOption(line, defaultPort),
    previewUrl: previewOption(line),
    previewPort: portOption(line, defaultPreviewPort, 'preview-port'),
  }),
  run: edit,
};

function previewOption(line: CommandLine): string | undefined {
  const given = stringOption(line, 'preview');
  if (given !== undefined && !/^https?:\/\/[^\s]+$/.test(given))
    throw new UsageError(`--preview "${given}" is not a web address: write it like http://localhost:4321/`);
  return given;
}

/** Serves the editor; settles only when the server stops. */
export async function edit(options: EditOptions): Promise<CommandOutcome> {
  if (!existsSync(options.contentDir) || !statSync(options.contentDir).isDirectory()) {
    return { exitCode: 1, report: `There is no content folder at ${options.contentDir}/: run the editor where your plan's content is.` };
  }
  const preview =
    options.previewUrl === undefined ? await startLivePreview(path.resolve(options.contentDir), options.previewPort) : undefined;
  const previewUrl = options.previewUrl ?? preview!.url;
  let started: Awaited<ReturnType<typeof startEditor>>;
  try {
    started = await startEditor({ ...options, previewUrl });
  } catch (error) {
    preview?.stop();
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    if (!inUse) throw error;
    return { exitCode: 1, report: `Port ${options.port} is in use: start the editor on another, like --port ${options.port + 1}.` };
  }
  console.log(`The editor is at ${started.url}/ (on this computer only; press Ctrl+C to stop)`);
  console.log(`Saves are written into ${options.contentDir}/. The site's live preview is at ${previewUrl}: reload it to see a save.`);
  const stop = () => started.server.close();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await once(started.server, 'close');
  preview?.stop();
  return { exitCode: 0 };
}
