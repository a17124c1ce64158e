/** `npx plan-publisher init`: the command in src/cli/init.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { initCommand } from '../src/cli/init.ts';

await runCommand(initCommand, process.argv.slice(2));
