/**
 * Finding and starting a Chromium-family browser to print or test with: where it usually is,
 * and the flags that keep it from calling other hosts (updates, sync, first-run pages) while it
 * works only with the local site.
 */
import { existsSync } from 'node:fs';

/** Where Chromium, Chrome or Edge usually are, on Linux, macOS and Windows. */
const knownBrowsers = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser to print with: CHROMIUM_PATH if set, else the first installed one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return knownBrowsers.find((file) => existsSync(file));
}

/** Headless, and quiet: no background calls to other hosts, no first-run pages, no sandbox needing a user namespace. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
