/** `npm run edit`: the command in src/cli/edit.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { editCommand } from '../src/cli/edit.ts';

await runCommand(editCommand, process.argv.slice(2));
