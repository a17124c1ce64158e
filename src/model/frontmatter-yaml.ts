/**
 * The one reading of YAML in the tool, through the `yaml` package: the loader reads every
 * frontmatter with it (as gray-matter's engine, src/model/load.ts), and the authoring tools find
 * what they edit with it and read back what they wrote (src/authoring/frontmatter-edit.ts), so a
 * value means the same to the tool that writes it as to the check that reads it.
 *
 * YAML 1.2's core schema keeps dates as text, so the schemas see what was written (2021-02-30
 * stays text to be refused, not turned into 2 March); a field written twice is refused; so is what
 * YAML itself would only warn about (an unknown tag like `!foo`) and an invisible control character, as the
 * reader before this one did. Aliases are held to the same budget of values as the whole file
 * (src/model/limits.ts), before they are followed.
 */
import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Parser,
  visit,
  type Alias,
  type CST,
  type Document,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
  type YAMLMap,
} from 'yaml';
import { limits } from './limits.ts';

/** How every frontmatter is read. */
export const yamlReadOptions = {
  version: '1.2',
  schema: 'core',
  // Explicit YAML 1.1 tags (!!timestamp, !!binary, ...) are unknown tags here: a date stays text.
  resolveKnownTags: false,
  // `<<` is a field name like any other, as the core schema has it.
  merge: false,
  // Every field name is text, so `1:` and `"1":` are the same field; a list as a field name is refused.
  stringKeys: true,
  // A field written twice is refused as the data is read (DataReader): the package's own check
  // compares each field with every one before it, which takes minutes for a hostile file.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  // Hostile input must not make the library print warnings of its own.
  logLevel: 'error',
} as const satisfies ParseOptions & DocumentOptions & SchemaOptions;

/** Why a frontmatter cannot be read, said as the check says it: a message, its line in the file, a hint. */
export class FrontmatterYamlError extends Error {
  readonly line: number | undefined;
  readonly hint: string;
  constructor(message: string, line: number | undefined, hint: string) {
    super(message);
    this.line = line;
    this.hint = hint;
  }
}

const syntaxHint = 'check indentation and quote any value that contains ": " or starts with a special character';

/** The reason shown for each kind of YAML error, in the words the tool has always used for them. */
const reasons: Partial<Record<string, string>> = {
  BAD_INDENT: 'bad indentation of a mapping entry',
  BLOCK_AS_IMPLICIT_KEY: 'bad indentation of a mapping entry',
  MULTILINE_IMPLICIT_KEY: 'bad indentation of a mapping entry',
  UNEXPECTED_TOKEN: 'bad indentation of a mapping entry',
  DUPLICATE_KEY: 'duplicated mapping key',
  TAB_AS_INDENT: 'tab characters must not be used in indentation',
  BAD_DQ_ESCAPE: 'unknown escape sequence',
  MULTIPLE_DOCS: 'expected a single document in the stream, but found more',
  NON_STRING_KEY: 'a field name must be text, not a list or a group of fields',
};

function syntaxError(reason: string, line: number | undefined): FrontmatterYamlError {
  return new FrontmatterYamlError(`the frontmatter is not valid YAML: ${reason}`, line, syntaxHint);
}

/**
 * What YAML 1.2 does not allow in a file: control characters other than tab and line breaks,
 * and broken UTF-16. The `yaml` package reads them silently, the check has always refused them.
 */
const nonPrintable = /(?![\t\n\r\u0085])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/u;

/** The line (1-based) an offset of `text` is on. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function refuseNonPrintable(text: string): void {
  const found = nonPrintable.exec(text);
  if (!found) return;
  const at = found.index;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw new FrontmatterYamlError(
    `the frontmatter is not valid YAML: it holds an invisible character YAML does not allow (U+${code})`,
    lineAt(text, at),
    `delete it; to keep it in a value, write it in double quotes as "\\u${code}"`,
  );
}

const valueTokens = new Set([
  'alias',
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar',
  'block-map',
  'block-seq',
  'flow-collection',
]);

/**
 * What the parsed tokens hold: where lists and groups first go deeper than the limit (-1 if
 * nowhere), how many values, whether any alias.
 */
function measure(tokens: readonly CST.Token[]): { tooDeepAt: number; values: number; aliases: boolean } {
  const found = { tooDeepAt: -1, values: 0, aliases: false };
  const stack = tokens.map((token) => ({ token, depth: 0, key: false }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth, key } = next;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth, key });
      continue;
    }
    // Each value once and an alias as one, never more than the data holds: a file over the budget
    // here is over it there. Field names are not values.
    if (!key && valueTokens.has(token.type)) found.values += 1;
    if (token.type === 'alias') found.aliases = true;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limits.frontmatterDepth && (found.tooDeepAt === -1 || token.offset < found.tooDeepAt)) found.tooDeepAt = token.offset;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1, key: true });
        if (item.value) stack.push({ token: item.value, depth: depth + 1, key });
      }
    }
  }
  return found;
}

/**
 * The frontmatter as a YAML document, or a FrontmatterYamlError for the first thing in it that
 * YAML refuses or warns about. Lines count from the start of `text`: the loader passes the
 * frontmatter with the rest of the opening "---" line before it, so they are the file's lines.
 */
export function readYamlDocument(text: string, options: { keepSourceTokens?: boolean } = {}): Document.Parsed {
  refuseNonPrintable(text);
  const tokens = [...new Parser().parse(text)];
  const held = measure(tokens);
  // Lists in lists a thousand deep would exhaust the stack of the step that builds the document.
  if (held.tooDeepAt !== -1) {
    throw new FrontmatterYamlError(
      `the frontmatter puts lists and groups of fields inside each other more than ${limits.frontmatterDepth} levels deep`,
      lineAt(text, held.tooDeepAt),
      'write it with fewer levels: a plan needs no more than a few',
    );
  }
  // Refused before the document is built: building it takes far longer than reading the tokens.
  if (held.values > limits.frontmatterValues) throw tooManyValues(held.aliases);
  const [doc, second] = new Composer({ ...yamlReadOptions, ...options }).compose(tokens, true, text.length);
  if (second) throw syntaxError(reasons.MULTIPLE_DOCS!, lineAt(text, second.range[0]));
  const [first] = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  if (first) {
    const tag = first.code === 'TAG_RESOLVE_FAILED' ? /tag: (.*)$/.exec(first.message)?.[1] : undefined;
    const reason = tag ? `unknown tag ${tag}` : (reasons[first.code] ?? lowerFirst(first.message.split('\n')[0]));
    throw syntaxError(reason, lineAt(text, first.pos[0]));
  }
  return doc;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The frontmatter holds more values than the budget, or reaches more through aliases. */
function tooManyValues(aliases: boolean): FrontmatterYamlError {
  const budget = limits.frontmatterValues.toLocaleString('en-GB');
  return aliases
    ? new FrontmatterYamlError(
        `the frontmatter expands to more than ${budget} values through YAML aliases (*name)`,
        undefined,
        'write each value out in full instead of repeating it with & and *',
      )
    : new FrontmatterYamlError(
        `the frontmatter holds more than ${budget} values`,
        undefined,
        'split it into several items, or move long documents elsewhere and link to them',
      );
}

/** Whether a document repeats any value with an alias (`*name`). */
function hasAliases(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Turns a parsed document into data in one pass, counting every value it reaches (a value an
 * alias repeats counts again each time) and stopping at the budget, so a few lines of aliases
 * ("billion laughs") are refused before they are followed. An alias shares the value it repeats,
 * as YAML readers do. Written here, not left to the package, because its own conversion and
 * duplicate-key check look each alias and each key up among all before it, which takes minutes
 * for a hostile file within the size limit.
 */
class DataReader {
  readonly #text: string;
  readonly #doc: Document.Parsed;
  readonly #anchors = new Map<string, Node>();
  readonly #converted = new Map<Node, { value: unknown; size: number } | 'in progress'>();
  #values = 0;

  constructor(text: string, doc: Document.Parsed) {
    this.#text = text;
    this.#doc = doc;
  }

  read(): unknown {
    return this.#read(this.#doc.contents).value;
  }

  #read(node: Node | null): { value: unknown; size: number } {
    if (isAlias(node)) return this.#repeat(node);
    const before = this.#values;
    this.#count(1);
    if (node?.anchor) {
      this.#anchors.set(node.anchor, node);
      this.#converted.set(node, 'in progress');
    }
    const value = isMap(node)
      ? this.#map(node)
      : isSeq(node)
        ? node.items.map((item) => this.#item(item))
        : isScalar(node)
          ? node.value
          : null;
    const read = { value, size: this.#values - before };
    if (node?.anchor) this.#converted.set(node, read);
    return read;
  }

  #item(item: unknown): unknown {
    // A "key: value" inside a [...] list is a group of one field.
    return isPair(item) ? this.#fields([item]) : this.#read(item as Node | null).value;
  }

  #map(map: YAMLMap): Record<string, unknown> {
    return this.#fields(map.items);
  }

  #fields(pairs: ReadonlyArray<Pair<unknown, unknown>>): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const pair of pairs) {
      const key = pair.key as Node | null;
      const name = String(isScalar(key) ? key.value : key);
      if (Object.hasOwn(fields, name)) throw syntaxError('duplicated mapping key', lineAt(this.#text, key?.range?.[0] ?? 0));
      const value = this.#read(pair.value as Node | null).value;
      // As its own field: "__proto__" must not change what the data is.
      Object.defineProperty(fields, name, { value, writable: true, enumerable: true, configurable: true });
    }
    return fields;
  }

  #repeat(alias: Alias): { value: unknown; size: number } {
    const source = this.#anchors.get(alias.source);
    const read = source && this.#converted.get(source);
    if (!read || read === 'in progress') {
      const what = read ? 'the value it is part of' : `a value named &${alias.source}, but no value before it has that name`;
      throw syntaxError(`*${alias.source} repeats ${what}`, lineAt(this.#text, alias.range?.[0] ?? 0));
    }
    this.#count(read.size);
    return read;
  }

  #count(values: number): void {
    this.#values += values;
    if (this.#values > limits.frontmatterValues) throw tooManyValues(hasAliases(this.#doc));
  }
}

/** The data a frontmatter holds, read as every part of the tool reads it; a FrontmatterYamlError when it cannot be. */
export function parseYaml(text: string): unknown {
  return new DataReader(text, readYamlDocument(text)).read();
}
