/**
 * `npm run check [-- --content DIR]`: validates every content file without building the site.
 * Exit 0 with a one-line summary when clean; otherwise every problem, a count, and exit 1.
 */
import { contentDir } from '../src/config.ts';
import { checkContent, summarise } from '../src/model/check.ts';
import { formatProblem } from '../src/model/problems.ts';

const result = checkContent(contentDir(process.argv.slice(2)));
const errors = result.problems.filter((p) => p.severity !== 'warning');
for (const problem of result.problems) console.error(formatProblem(problem));
if (errors.length > 0) {
  console.error(`\n${errors.length} ${errors.length === 1 ? 'error' : 'errors'} found. Nothing was built; fix the files above and run \`npm run check\` again.`);
  process.exit(1);
}
console.log(summarise(result));
