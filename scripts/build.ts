/** `npm run build`: the command in src/cli/build.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { buildCommand } from '../src/cli/build.ts';

await runCommand(buildCommand, process.argv.slice(2));
