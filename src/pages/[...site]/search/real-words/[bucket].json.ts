/**
 * Real English words (src/search/real-words.ts), in small files by `realWordBucket`, for the
 * search page's "did you mean": it fetches the one file that would hold a word only when it is
 * about to offer another word in its place, and never offers one for a real word.
 */
import type { APIRoute } from 'astro';
import { realWordsByBucket } from '@/search/real-words.ts';
import { realWordBuckets } from '@/search/spelling.ts';
import { sitePaths, type SiteProps } from '@/site/data.ts';

export const getStaticPaths = () =>
  sitePaths(() => Array.from({ length: realWordBuckets }, (_, bucket) => ({ params: { bucket: String(bucket) }, props: { bucket } })));

export const GET: APIRoute<SiteProps & { bucket: number }> = ({ props }) =>
  new Response(JSON.stringify(realWordsByBucket()[props.bucket]), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
