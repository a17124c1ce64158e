/** `npm run check`: the command in src/cli/check.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { checkCommand } from '../src/cli/check.ts';

await runCommand(checkCommand, process.argv.slice(2));
