/**
 * `npm run report`: the annual progress report as a PDF, printed by Chromium from the built site
 * exactly as a browser's Print command would, so the board gets the same document as the web.
 * Chromium is looked for where it is usually installed; when there is none, the message says how
 * to get one (the report page can still be printed from any browser).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../build/serve.ts';
import { chromiumArgs, findChromium } from './chromium.ts';

export interface ReportOptions {
  /** The built site: `dist/`, holding every partnership, or one partnership built alone. */
  distDir: string;
  partnership?: string;
  year: string;
  outFile: string;
  chromiumPath?: string;
}

export type ReportResult = { ok: true; file: string; pages: number } | { ok: false; message: string; hint: string };

/** The report page's path inside the built site, whichever way it was built. */
function reportPath(distDir: string, partnership: string | undefined, year: string): string | undefined {
  const candidates = [
    ...(partnership ? [path.join(partnership, 'years', year, 'report')] : []),
    path.join('years', year, 'report'), // one partnership built alone, at the root
  ];
  return candidates.find((candidate) => existsSync(path.join(distDir, candidate, 'index.html')));
}

export async function printReport(options: ReportOptions): Promise<ReportResult> {
  const page = reportPath(options.distDir, options.partnership, options.year);
  if (!page) {
    return {
      ok: false,
      message: `there is no annual report for ${options.year}${options.partnership ? ` of ${options.partnership}` : ''} in ${options.distDir}/`,
      hint: 'build the site first with `npm run build`; the year must have a file in years/ and belong to a plan',
    };
  }
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
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath,
      headless: true,
      args: [...chromiumArgs],
    });
    try {
      const tab = await context.newPage();
      await tab.goto(`${url}/${page.split(path.sep).join('/')}/`, { waitUntil: 'load' });
      await tab.emulateMedia({ media: 'print' });
      const pdf = await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
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
