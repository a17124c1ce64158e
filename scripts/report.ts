/** `npm run report`: the command in src/cli/report.ts (`--help` lists its options). */
import { runCommand } from '../src/cli/command-line.ts';
import { reportCommand } from '../src/cli/report.ts';

await runCommand(reportCommand, process.argv.slice(2));
