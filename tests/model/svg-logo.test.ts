/**
 * The check on an SVG logo: it reads the file as XML and accepts only drawing. Every way found to
 * make a logo run a script, redirect or load from another site is refused with words naming
 * what does it, where; real logos as drawing programs export them pass, and what the build
 * would publish is the drawing alone.
 */
import { describe, expect, it } from 'vitest';
import { attacks, checkLogo, falselyRefused, realLogos } from '../helpers/logos.ts';

describe('the check refuses an SVG logo that could run, redirect or load', () => {
  for (const attack of attacks) {
    it(`refuses ${attack.name}`, () => {
      const { errors, published } = checkLogo(attack.logo);
      expect(published, 'nothing is handed to the build').toBeUndefined();
      expect(errors).toHaveLength(1);
      const [error] = errors;
      expect(error.message).toContain('the logo "logo.svg" ');
      expect(error.message).toContain(attack.refusal);
      // Where to look, and what to do instead.
      expect(error.file).toBe('content/hampshire/logo.svg');
      if (attack.line !== undefined) expect(error.line).toBe(attack.line);
      expect(error.hint).toContain('Save the logo as a plain SVG');
      expect(error.hint).toContain('or as a PNG');
    });
  }
});

describe('the check accepts an SVG logo that only draws', () => {
  for (const [name, logo] of Object.entries({ ...falselyRefused, ...realLogos })) {
    it(`accepts ${name}`, () => {
      const { errors, published } = checkLogo(logo);
      expect(errors).toEqual([]);
      expect(published).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[ >]/);
    });
  }

  it('hands the build the drawing alone: no comment, DOCTYPE, metadata or declaration of other namespaces', () => {
    const published = checkLogo(realLogos['a crest with gradients and paths (Inkscape)']).published!;
    expect(published).not.toMatch(/<!--|<!DOCTYPE|<\?xml|metadata|rdf|Inkscape|xmlns:/);
    // The drawing is all there: both gradients, the three paths, the circle under its other prefix.
    expect(published).toContain('<linearGradient id="crest-gold" x1="0" y1="0" x2="0" y2="1">');
    expect(published).toContain('<stop style="stop-color:#f2c14e;stop-opacity:1" offset="0" id="stop1"/>');
    expect(published).toContain('<radialGradient id="crest-shine"');
    expect(published.match(/<path /g)).toHaveLength(4);
    expect(published).toContain('<circle cx="60" cy="20" r="6" fill="#00563f" id="dot"/>');
    expect(published).toContain('<title id="title1">Hampshire Safeguarding Children Partnership</title>');

    const wordmark = checkLogo(realLogos['a wordmark with a font-family (Illustrator)']).published!;
    expect(wordmark).not.toMatch(/<!--|<!DOCTYPE|data-name|xmlns:xlink/);
    expect(wordmark).toContain(".st1{font-family:'Arial-BoldMT', Arial, sans-serif}");
    expect(wordmark).toContain('<text transform="matrix(1 0 0 1 68 38)" class="st0 st1 st2">HSCP</text>');
  });

  it('keeps text exactly, written back so that it stays text', () => {
    const published = checkLogo(realLogos['words in two fonts, written by hand']).published!;
    expect(published.startsWith('<svg')).toBe(true);
    expect(published).toContain('Children &amp; Young People\u2019s Partnership');
    expect(published).toContain('font-family="\'Segoe UI\', Arial, sans-serif"');
    expect(checkLogo(falselyRefused['the words "only = safe"']).published).toContain('>Children first: only = safe</text>');
    expect(checkLogo(falselyRefused['a <use xlink:href="#g"> of its own shape']).published).toContain(
      ' xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 22 10"><defs>',
    );
  });
});
