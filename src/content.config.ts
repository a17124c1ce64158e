/**
 * Astro's content collections, defined from the same schemas the validator uses.
 * The build runs the validator first, so by the time Astro reads these files they are
 * known to be valid; Astro's own check is a second line of defence.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentTypes, type ContentType } from '../schemas/index.ts';

const base = process.env.PLAN_CONTENT ?? './content';

function collection(type: ContentType) {
  const { folder, schema } = contentTypes[type];
  return defineCollection({
    loader: glob({
      pattern: folder === '' ? '*/partnership.md' : `*/${folder}/**/*.md`,
      base,
      // Keep the path as the id ("hampshire/actions/x") so ids are exactly the file names.
      generateId: ({ entry }) => entry.replace(/\.md$/, ''),
      // Bodies are rendered by src/markdown.ts (one sanitised GFM pipeline), not by Astro.
      deferRender: true,
    }),
    schema,
  });
}

export const collections = {
  partnership: collection('partnership'),
  plan: collection('plan'),
  year: collection('year'),
  group: collection('group'),
  priority: collection('priority'),
  objective: collection('objective'),
  action: collection('action'),
};
