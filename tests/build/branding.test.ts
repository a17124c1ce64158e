/**
 * A partnership makes the site its own from its content, never by changing the tool: a logo (an
 * SVG or PNG in its folder, with alt text), links in the footer, and pages of its own. The check
 * refuses a logo the sites could not carry safely; the build publishes exactly what it checked (of an
 * SVG, the drawing alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/builder/build.ts';
import { checkTree, md, validTree, writeTree, type ContentTree, type Tree } from '../helpers/content-tree.ts';
import { links, page } from '../helpers/site.ts';

const logoSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/></linearGradient></defs><rect width="120" height="40" fill="url(#g)"/></svg>\n';

/** A format 2 partnership with the given branding: lines (indented two spaces). */
function branded(branding: string[], extra: Tree = {}): Tree {
  return {
    ...validTree('hampshire'),
    'hampshire/partnership.md': [
      '---',
      'format: 2',
      'name: Hampshire Safeguarding Children Partnership',
      'shortName: HSCP',
      'area: Hampshire',
      'branding:',
      ...branding,
      '---',
      "The partnership's introduction.",
      '',
    ].join('\n'),
    ...extra,
  };
}

const withLogo = (file: string, alt = 'Hampshire Safeguarding Children Partnership') => ['  logo:', `    file: ${file}`, `    alt: ${alt}`];

const errors = (tree: Tree) => checkTree(tree).problems.filter((p) => p.severity !== 'warning');

describe('a partnership makes the site its own', () => {
  const trees: ContentTree[] = [];
  afterAll(() => trees.forEach((t) => t.remove()));

  it('publishes its logo, footer links and own pages, exactly as checked', async () => {
    const t = writeTree(
      branded(
        [
          '  colour: "#00563f"',
          ...withLogo('logo.svg'),
          '  footerLinks:',
          '    - title: Our annual reports',
          '      url: https://www.example.org.uk/reports',
        ],
        {
          // As saved by a drawing program: the declaration, a comment and metadata are not drawing.
          'hampshire/logo.svg': logoSvg.replace(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">',
            '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Created with a drawing program -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>',
          ),
          'hampshire/pages/contact-us.md': md`
            ---
            title: Contact us
            order: 1
            ---
            Write to the **business manager**.
          `,
          'hampshire/pages/how-we-work.md': '---\ntitle: How we work\n---\nWe meet every month.\n',
        },
      ),
    );
    trees.push(t);
    const outDir = path.join(t.root, 'dist');
    const result = await build({ contentDir: t.contentDir, outDir, partnership: 'hampshire' });
    expect(result.ok, JSON.stringify(result)).toBe(true);

    // The drawing, written again from what the check read: nothing else the file held.
    expect(readFileSync(path.join(outDir, 'logo.svg'), 'utf8')).toBe(logoSvg);
    const home = page('/', outDir);
    expect(home).toContain('<img class="header__logo" src="/logo.svg" alt="Hampshire Safeguarding Children Partnership">');
    expect(home).toContain('--brand:#00563f');
    // Own pages first, in their order, then the footer links.
    const footer = home.slice(home.indexOf('<footer'));
    expect(links(footer).slice(-4, -1)).toEqual(['/pages/contact-us/', '/pages/how-we-work/', 'https://www.example.org.uk/reports']);
    expect(footer).toContain('>Our annual reports<');

    const contact = page('/pages/contact-us/', outDir);
    expect(contact).toContain('<h1>Contact us</h1>');
    expect(contact).toContain('<strong>business manager</strong>');
    expect(contact).toContain('<title>Contact us - HSCP - Hampshire Safeguarding Children Partnership</title>');
  });

  it('publishes a PNG logo under its own name', async () => {
    const t = writeTree(branded(withLogo('images/Logo.PNG')));
    trees.push(t);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(t.contentDir, 'hampshire/images'));
    writeFileSync(path.join(t.contentDir, 'hampshire/images/Logo.PNG'), png);
    const outDir = path.join(t.root, 'dist');
    const result = await build({ contentDir: t.contentDir, outDir });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(readFileSync(path.join(outDir, 'hampshire/logo.png'))).toEqual(png);
    expect(page('/hampshire/', outDir)).toContain('src="/hampshire/logo.png"');
  });
});

describe('the check, on a logo', () => {
  it('refuses one outside the partnership folder', () => {
    const [problem] = errors(branded(withLogo('../shared/logo.svg')));
    expect(problem).toMatchObject({ file: 'content/hampshire/partnership.md', line: 8, field: 'branding.logo.file' });
    expect(problem.message).toBe('the logo "../shared/logo.svg" is outside the partnership\'s folder');
    expect(problem.hint).toContain('copy the logo into content/hampshire/');
  });

  it('refuses one that is not an SVG or PNG', () => {
    const [problem] = errors(branded(withLogo('logo.jpg'), { 'hampshire/logo.jpg': 'x' }));
    expect(problem.message).toBe('the logo "logo.jpg" is not an SVG or PNG file');
  });

  it('refuses an SVG with a script, an event handler or a reference to another site, in the logo file, saying what to do', () => {
    const cases: Array<[string, string]> = [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'holds a script (<script>)'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)"/></svg>', 'holds an event handler (onclick="alert(1)" on <rect>)'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>', 'embeds a picture (<image>)'],
      [
        '<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: url(https://x.example/a) }</style></svg>',
        'loads something from another file or site (url(https://x.example/a))',
      ],
      ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', 'embeds a web page (<foreignObject>)'],
    ];
    for (const [svg, reason] of cases) {
      const [problem] = errors(branded(withLogo('logo.svg'), { 'hampshire/logo.svg': svg }));
      expect(problem?.message, svg).toContain(`the logo "logo.svg" ${reason}`);
      expect(problem).toMatchObject({ file: 'content/hampshire/logo.svg', line: 1 });
      expect(problem.hint).toContain('Plain SVG');
    }
  });

  it('refuses a file that is not the picture its name says', () => {
    const [problem] = errors(branded(withLogo('logo.png'), { 'hampshire/logo.png': 'not a picture' }));
    expect(problem.message).toBe('the logo "logo.png" is not a PNG picture, though its name ends in .png');
  });

  it('needs alt text, and a file that is there (with a suggestion)', () => {
    expect(errors(branded(withLogo('logo.svg', '""'), { 'hampshire/logo.svg': logoSvg }))[0]).toMatchObject({
      field: 'branding.logo.alt',
    });
    const [missing] = errors(branded(withLogo('logo.svg'), { 'hampshire/Logo.svg': logoSvg }));
    expect(missing.message).toBe('there is no logo file "logo.svg" beside partnership.md');
    expect(missing.hint).toBe('did you mean "Logo.svg"?');
  });

  it('warns about a picture that is not the logo, as about any file that is not content', () => {
    const { problems } = checkTree(branded(withLogo('logo.svg'), { 'hampshire/logo.svg': logoSvg, 'hampshire/old-logo.svg': logoSvg }));
    expect(problems).toEqual([expect.objectContaining({ file: 'content/hampshire/old-logo.svg', severity: 'warning' })]);
  });

  it('refuses a footer link that is not a web address', () => {
    const [problem] = errors(branded(['  footerLinks:', '    - title: Click me', '      url: javascript:alert(1)']));
    expect(problem).toMatchObject({
      field: 'branding.footerLinks[0].url',
      message: expect.stringContaining('a web address starting with https://') as string,
    });
  });
});
