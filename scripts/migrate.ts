/** `npm run migrate`: the command in src/cli/migrate.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { migrateCommand } from '../src/cli/migrate.ts';

await runCommand(migrateCommand, process.argv.slice(2));
