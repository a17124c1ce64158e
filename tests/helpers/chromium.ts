/**
 * The Chromium the browser tests drive: Debian's, through playwright-core, started once per run by
 * the global setup and shared by every browser test file, each in a fresh context of its own.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import { chromiumArgs } from '../../src/report/chromium.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why there is no browser to test in, and what to do. */
export const noChromium = `Chromium is not at ${chromiumPath}. The browser tests need it: install Debian's chromium: apt-get install -y chromium (or set CHROMIUM_PATH)`;

/** Starts Chromium for test files to connect to; undefined when it is not installed (the browser tests then fail, saying so). */
export async function startChromium(): Promise<BrowserServer | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  return chromium.launchServer({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
}
