/**
 * `npm run report`: the annual progress report as a PDF, printed by Chromium from the built site
 * exactly as a browser's Print command would, so the board gets the same document as the web.
 * Chromium is looked for where it is usually installed, and driven by playwright-core, which a
 * partnership installs only to print; when either is missing, the message says how to get it
 * (the report page can still be printed from any browser).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic } from '../builder/serve.ts';
import { didYouMean } from '../model/suggest.ts';
import { isReportingYear } from '../model/years.ts';
import { chromiumArgs, findChromium } from './chromium.ts';
import { loadPlaywright } from './playwright.ts';

export interface ReportOptions {
  /** The built site: `dist/`, holding every partnership, or one partnership built alone. */
  distDir: string;
  partnership?: string;
  year: string;
  outFile: string;
  chromiumPath?: string;
}

export type ReportResult = { ok: true; file: string; pages: number } | { ok: false; message: string; hint: string };

/** A partnership's site in the built output: its id, and its folder there ('' when built alone, at the root). */
interface BuiltSite {
  id: string;
  folder: string;
}

/** The partnership id a site's open data names (`data/plan.json`), if it has one. */
function planId(siteDir: string): string | undefined {
  try {
    const id = (JSON.parse(readFileSync(path.join(siteDir, 'data', 'plan.json'), 'utf8')) as { partnership?: { id?: unknown } }).partnership
      ?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Every partnership's site in the built output: one built alone at its root, or one per folder. */
function builtSites(distDir: string): BuiltSite[] {
  const alone = planId(distDir);
  if (alone) return [{ id: alone, folder: '' }];
  let names: string[];
  try {
    names = readdirSync(distDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return names.filter((name) => planId(path.join(distDir, name)) === name).map((name) => ({ id: name, folder: name }));
}

/** The reporting years a built site has an annual report for. */
function reportYears(distDir: string, site: BuiltSite): string[] {
  const years = path.join(distDir, site.folder, 'years');
  try {
    return readdirSync(years)
      .filter((year) => isReportingYear(year) && existsSync(path.join(years, year, 'report', 'index.html')))
      .sort();
  } catch {
    return [];
  }
}

type Found = { ok: true; site: BuiltSite } | { ok: false; message: string; hint: string };

/**
 * The site to print from: the one --partnership names, which must be a site in the built output
 * (never a path), or the only one there.
 */
function findSite(distDir: string, partnership: string | undefined): Found {
  const sites = builtSites(distDir);
  const ids = sites.map((s) => s.id);
  const where = `${distDir.replace(/[\\/]+$/, '')}/`;
  if (sites.length === 0)
    return {
      ok: false,
      message: `there is no built site in ${where}`,
      hint: 'build the site first with `npm run build`, or say where it is with --dist DIR',
    };
  if (partnership === undefined) {
    if (sites.length === 1) return { ok: true, site: sites[0] };
    return {
      ok: false,
      message: `${where} holds the sites of ${ids.join(', ')}: say which partnership's report to print`,
      hint: `add --partnership ID, like --partnership ${ids[0]}`,
    };
  }
  const site = sites.find((s) => s.id === partnership);
  if (site) return { ok: true, site };
  const suggestion = didYouMean(partnership, ids);
  return {
    ok: false,
    message: `there is no site for the partnership "${partnership}" in ${where}${suggestion ? `; ${suggestion}` : ''}`,
    hint: `--partnership takes the id of one of the built sites (${ids.join(', ')}): its folder name in content/`,
  };
}

/** Whether the page Chromium loaded is the annual report of the year: its heading says so. */
async function isReport(tab: Page, year: string): Promise<boolean> {
  const heading = await tab.evaluate(() => document.querySelector('article.report .report-summary h1')?.textContent ?? '');
  return heading.replace(/\s+/g, ' ').trim().endsWith(`Annual progress report ${year}`);
}

export async function printReport(options: ReportOptions): Promise<ReportResult> {
  const found = findSite(options.distDir, options.partnership);
  if (!found.ok) return found;
  const { site } = found;
  const years = reportYears(options.distDir, site);
  if (!years.includes(options.year)) {
    return {
      ok: false,
      message:
        `there is no annual report for ${options.year}${options.partnership ? ` of ${options.partnership}` : ''} in ${options.distDir}/` +
        (years.length ? `; it has reports for ${years.join(', ')}` : ''),
      hint: 'build the site first with `npm run build`; the year must have a file in years/ and belong to a plan',
    };
  }
  const page = [site.folder, 'years', options.year, 'report'].filter(Boolean).map(encodeURIComponent).join('/');
  const playwright = await loadPlaywright();
  if (!playwright.ok) return playwright;
  const browserPath = options.chromiumPath ?? findChromium();
  if (!browserPath) {
    return {
      ok: false,
      message: 'no Chromium, Chrome or Edge was found to print the report with',
      hint: 'install one (on Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to where it is; or open the report page in any browser and use Print > Save as PDF',
    };
  }
  const { server, url } = await serveStatic(options.distDir);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-print-'));
  try {
    const context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: browserPath,
      headless: true,
      args: [...chromiumArgs],
    });
    try {
      const tab = await context.newPage();
      const response = await tab.goto(`${url}/${page}/`, { waitUntil: 'load' });
      // Never a PDF of another page ("Page not found", say) passed off as the report.
      if (response?.status() !== 200 || !(await isReport(tab, options.year))) {
        const title = (await tab.title()).trim();
        return {
          ok: false,
          message: `the page at /${page}/ is not the annual report for ${options.year} (the server answered ${response?.status() ?? 'nothing'}${title ? `, with "${title}"` : ''}), so no PDF was written`,
          hint: 'build the site again with `npm run build`, then print the report again',
        };
      }
      await tab.emulateMedia({ media: 'print' });
      // Tagged, with an outline from the headings: a screen reader gets the report's structure (issue 22).
      const pdf = await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      writeFileSync(options.outFile, pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
      return { ok: true, file: options.outFile, pages };
    } finally {
      await context.close();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  }
}
