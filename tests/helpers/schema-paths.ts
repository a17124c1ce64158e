/**
 * Every field path a content schema names, read from the schema's own JSON Schema rather than
 * from the editors' code: `progress[].date`, `branding.logo.file`, nested groups, list entries and
 * alternative shapes included. The editors' coverage tests compare their forms against it.
 */
import { z } from 'astro/zod';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

function pathsUnder(schema: JsonSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const here = prefix ? `${prefix}.${name}` : name;
    return [here, ...innerPaths(property, here)];
  });
}

function innerPaths(schema: JsonSchema, here: string): string[] {
  return [
    ...pathsUnder(schema, here),
    ...(schema.items ? innerPaths(schema.items, `${here}[]`) : []),
    ...(schema.anyOf ?? []).flatMap((option) => innerPaths(option, here)),
  ];
}

/** The field paths of a schema, each once, in the schema's order. */
export function schemaFieldPaths(schema: z.ZodType): string[] {
  return [...new Set(pathsUnder(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema))];
}
