/** `npm run preview`: the command in src/cli/preview.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { previewCommand } from '../src/cli/preview.ts';

await runCommand(previewCommand, process.argv.slice(2));
