/**
 * The little CSS an SVG logo may carry: values of presentation attributes (`fill="url(#g)"`),
 * `style="fill:#000;stroke:none"` as Inkscape writes it, and a `<style>` of plain rules like
 * `.st0{fill:#00563f}` as Illustrator writes it. CSS is where an SVG can load from another site
 * without an href (`url()`, `@import`, `image-set()`), and escapes (`u\72l(`) and comments hide
 * those from a pattern; so this reads a small, strict subset and refuses everything else, and
 * hands back the declarations it read, for the published copy to be written from.
 */

/** A property and its value, as read; the published copy writes exactly these. */
export interface Declaration {
  property: string;
  value: string;
}

/** A rule of a `<style>`: its selectors as written (checked) and its declarations. */
export interface Rule {
  selectors: string;
  declarations: Declaration[];
}

/**
 * Functions that compute a colour, a length, a transform or a filter effect: none of them can
 * name a file or site. Everything else (`image-set()`, `image()`, `cross-fade()`, `element()`,
 * `src()`, `attr()`, `env()`, IE's `expression()`) is refused; `url()` is allowed only as a
 * reference into the same file, and checked apart.
 */
const safeFunctions = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'var',
  'calc',
  'min',
  'max',
  'clamp',
  'matrix',
  'translate',
  'translatex',
  'translatey',
  'rotate',
  'scale',
  'scalex',
  'scaley',
  'skew',
  'skewx',
  'skewy',
  'blur',
  'brightness',
  'contrast',
  'drop-shadow',
  'grayscale',
  'hue-rotate',
  'invert',
  'opacity',
  'saturate',
  'sepia',
]);

/** `url(#id)`, quoted or not: a reference to a part of the same file, like a gradient. */
const localUrl = /^url\(\s*(["']?)#[^\s"'()\\]+\1\s*\)/i;

/** Why a CSS value cannot be published, or undefined when it can. */
export function unsafeCssValue(value: string): string | undefined {
  if (value.includes('\\')) return 'uses a CSS escape (\\), which can hide what it loads';
  if (value.includes('/*')) return 'holds a CSS comment (/*), which can hide what it loads';
  if (value.includes('@')) return 'holds an @ rule (like @import), which loads a stylesheet';
  if (/[<>{};!]/.test(value)) return 'holds a character CSS values never need (one of < > { } ; !)';
  for (const match of value.matchAll(/([-\w]*)\s*\(/g)) {
    const name = match[1].toLowerCase();
    if (name === 'url') {
      if (!localUrl.test(value.slice(match.index))) {
        return `loads something from another file or site (${excerpt(value.slice(match.index))}): a logo may use url() only for its own parts, like url(#gradient)`;
      }
    } else if (name !== '' && !safeFunctions.has(name)) {
      return `uses the CSS function ${match[1]}(), which a logo does not need (it can load from another file or site)`;
    }
  }
  return undefined;
}

/** The declarations of a `style` attribute or rule, or why they cannot be published. */
export function readDeclarations(text: string): Declaration[] | string {
  const declarations: Declaration[] = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const found = /^\s*(-?[A-Za-z][-\w]*)\s*:\s*([^]*?)\s*$/.exec(part);
    if (!found || found[2] === '') return `holds a style that is not a plain "property: value" list (${excerpt(part.trim())})`;
    const [, property, value] = found;
    const unsafe = unsafeCssValue(value);
    if (unsafe) return `${unsafe}, in the style ${property}: ${excerpt(value)}`;
    declarations.push({ property, value });
  }
  return declarations;
}

/**
 * The rules of a `<style>` element, or why it cannot be published. Selectors may name
 * elements, classes and ids (`.st0`, `#logo path`, `g > rect`): nothing more is needed to
 * colour a drawing, and no selector can load anything.
 */
export function readStylesheet(text: string): Rule[] | string {
  if (text.includes('\\')) return 'uses a CSS escape (\\) in its <style>, which can hide what it loads';
  if (text.includes('/*')) return 'holds a CSS comment in its <style>: remove it (comments can hide what a style loads)';
  if (text.includes('@')) return 'holds an @ rule (like @import or @font-face) in its <style>, which loads from another file or site';
  if (text.includes('<')) return 'holds markup (<) inside its <style>';
  const rules: Rule[] = [];
  const rule = /\s*([^{}]*?)\s*\{([^{}]*)\}\s*/y;
  let at = 0;
  while (at < text.length && text.slice(at).trim() !== '') {
    rule.lastIndex = at;
    const found = rule.exec(text);
    if (!found)
      return `holds a <style> that is not a list of plain rules like ".st0 { fill: #00563f }" (at ${excerpt(text.slice(at).trim())})`;
    const [, selectors, body] = found;
    if (!/^[-\w.#\s>+~,*:]+$/.test(selectors)) {
      return `holds a <style> rule whose selector "${excerpt(selectors)}" is not a plain element, class or id name`;
    }
    const declarations = readDeclarations(body);
    if (typeof declarations === 'string') return declarations;
    rules.push({ selectors: selectors.replace(/\s+/g, ' '), declarations });
    at = rule.lastIndex;
  }
  return rules;
}

export function writeDeclarations(declarations: readonly Declaration[]): string {
  return declarations.map((d) => `${d.property}:${d.value}`).join(';');
}

export function writeStylesheet(rules: readonly Rule[]): string {
  return rules.map((r) => `${r.selectors}{${writeDeclarations(r.declarations)}}`).join('\n');
}

/** A value as quoted in a message: short enough to read. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
