/**
 * playwright-core, which drives Chromium to print the annual report: an optional peer dependency
 * of the tool (14 MB), since most partnerships never print a PDF. It is loaded only when a report
 * is printed; where it is not installed, the answer says the one command that installs it.
 */
import type { BrowserType } from 'playwright-core';
import { packageInfo } from '../package-root.ts';

export type LoadedPlaywright = { ok: true; chromium: BrowserType } | { ok: false; message: string; hint: string };

/** Whether an import failed because the package itself is not installed (not because of a fault inside it). */
function isNotInstalled(error: unknown, name: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(`'${name}'`);
}

export async function loadPlaywright(): Promise<LoadedPlaywright> {
  try {
    const { chromium } = await import('playwright-core');
    return { ok: true, chromium };
  } catch (error) {
    if (!isNotInstalled(error, 'playwright-core')) throw error;
    const range = packageInfo().peerDependencies?.['playwright-core'];
    return {
      ok: false,
      message: 'printing the report to a PDF needs the playwright-core package, which is not installed here',
      hint: `install it once, in this folder, with: npm install "playwright-core${range ? `@${range}` : ''}" (or open the report page in any browser and use Print > Save as PDF)`,
    };
  }
}
