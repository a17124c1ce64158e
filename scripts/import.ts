/** `npm run import`: the command in src/cli/import.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { importCommand } from '../src/cli/import.ts';

await runCommand(importCommand, process.argv.slice(2));
