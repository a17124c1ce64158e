/** `npm run new`: the command in src/cli/new.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { newCommand } from '../src/cli/new.ts';

await runCommand(newCommand, process.argv.slice(2));
