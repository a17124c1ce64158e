/**
 * What an SVG logo may hold: the elements and attributes of SVG that draw, and nothing that
 * runs, animates, links or loads. Anything not named here is refused; the few refusals that
 * matter most get words of their own, so the message says what the author's file does.
 */

export const svgNamespace = 'http://www.w3.org/2000/svg';
export const xlinkNamespace = 'http://www.w3.org/1999/xlink';
export const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
export const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
export const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/** Elements that draw, group, define paints, clips, masks and filter effects, or describe. */
export const allowedElements = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'marker',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feConvolveMatrix',
  'feDiffuseLighting',
  'feDisplacementMap',
  'feDistantLight',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
  'fePointLight',
  'feSpecularLighting',
  'feSpotLight',
  'feTile',
  'feTurbulence',
]);

/** Elements left out of the published copy with everything in them: they describe, never draw. */
export const droppedElements = new Set(['metadata']);

/**
 * What a `<metadata>` may hold: the RDF, Dublin Core and Creative Commons records Inkscape
 * writes (title, licence, format). It is not published; anything else in it (HTML, SVG) is
 * refused all the same, so the author learns of it rather than having it vanish.
 */
export const metadataNamespaces = new Set([
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
]);

const animation = ['holds an animation', 'which can turn a link or a picture into a script'] as const;

/** SVG elements refused with words of their own: what the element is, and what it would do. */
export const refusedElements: Readonly<Record<string, readonly [string, string?]>> = {
  script: ['holds a script'],
  foreignObject: ['embeds a web page', 'which can run a script or load from other sites'],
  animate: animation,
  animateMotion: animation,
  animateTransform: animation,
  animateColor: animation,
  set: animation,
  discard: animation,
  a: ['holds a link', 'which could take a reader who opens the logo anywhere'],
  image: ['embeds a picture', 'loaded from a file, a site or a data: address'],
  feImage: ['embeds a picture', 'loaded from a file, a site or a data: address'],
  iframe: ['embeds another document'],
  audio: ['embeds a sound', 'loaded from a file or site'],
  video: ['embeds a video', 'loaded from a file or site'],
};

/**
 * Presentation attributes: CSS properties written as attributes. Their values are CSS, so
 * they are checked as CSS (a fill can be `url(https://...)`). `cursor` is left out: it loads a
 * picture.
 */
export const presentationAttributes = new Set([
  'alignment-baseline',
  'baseline-shift',
  'clip',
  'clip-path',
  'clip-rule',
  'color',
  'color-interpolation',
  'color-interpolation-filters',
  'color-rendering',
  'direction',
  'display',
  'dominant-baseline',
  'enable-background',
  'fill',
  'fill-opacity',
  'fill-rule',
  'filter',
  'flood-color',
  'flood-opacity',
  'font',
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-weight',
  'glyph-orientation-horizontal',
  'glyph-orientation-vertical',
  'image-rendering',
  'isolation',
  'kerning',
  'letter-spacing',
  'lighting-color',
  'marker',
  'marker-end',
  'marker-mid',
  'marker-start',
  'mask',
  'mix-blend-mode',
  'opacity',
  'overflow',
  'paint-order',
  'pointer-events',
  'shape-rendering',
  'stop-color',
  'stop-opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'text-decoration',
  'text-rendering',
  'transform',
  'transform-origin',
  'unicode-bidi',
  'vector-effect',
  'visibility',
  'word-spacing',
  'writing-mode',
]);

/**
 * Attributes of geometry, text layout, paint servers and filter effects: numbers, lists of
 * numbers, path data and keywords. None of them names a file, so any value is harmless once
 * it is written back escaped.
 */
export const plainAttributes = new Set([
  'id',
  'class',
  'lang',
  'version',
  'baseProfile',
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'aria-hidden',
  'x',
  'y',
  'width',
  'height',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'fx',
  'fy',
  'fr',
  'x1',
  'y1',
  'x2',
  'y2',
  'd',
  'points',
  'pathLength',
  'viewBox',
  'preserveAspectRatio',
  'dx',
  'dy',
  'rotate',
  'textLength',
  'lengthAdjust',
  'startOffset',
  'method',
  'spacing',
  'side',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'offset',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'markerUnits',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  'filterUnits',
  'primitiveUnits',
  'in',
  'in2',
  'result',
  'stdDeviation',
  'mode',
  'operator',
  'k1',
  'k2',
  'k3',
  'k4',
  'type',
  'values',
  'tableValues',
  'slope',
  'intercept',
  'amplitude',
  'exponent',
  'order',
  'kernelMatrix',
  'divisor',
  'bias',
  'targetX',
  'targetY',
  'edgeMode',
  'preserveAlpha',
  'surfaceScale',
  'diffuseConstant',
  'specularConstant',
  'specularExponent',
  'kernelUnitLength',
  'scale',
  'xChannelSelector',
  'yChannelSelector',
  'azimuth',
  'elevation',
  'z',
  'pointsAtX',
  'pointsAtY',
  'pointsAtZ',
  'limitingConeAngle',
  'radius',
  'baseFrequency',
  'numOctaves',
  'seed',
  'stitchTiles',
]);

/** Attributes in the xml: namespace that only say how text is spaced and in what language. */
export const xmlAttributes = new Set(['space', 'lang']);

/**
 * The DOCTYPEs drawing programs write for SVG 1.0 and 1.1 (Illustrator does): a public name and
 * nothing else. Browsers never fetch them; one with declarations of its own (`[...]`, where
 * entities are defined) is refused.
 */
export const knownDoctype =
  /^\s*svg\s+PUBLIC\s+(["'])-\/\/W3C\/\/DTD SVG 1\.[01]\/\/EN\1\s+(["'])http:\/\/www\.w3\.org\/(Graphics\/SVG\/1\.1\/DTD\/svg11\.dtd|TR\/2001\/REC-SVG-20010904\/DTD\/svg10\.dtd)\2\s*$/;
