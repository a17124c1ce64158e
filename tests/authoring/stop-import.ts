/**
 * Loaded with `node --import` into an import that a crash test runs as a child process: kills it
 * with SIGKILL (as a power cut, the task manager or an out-of-memory killer would: nothing can
 * tidy up) at the moment STOP_IMPORT_AT names:
 *   journal       the journal is written in full, but not yet renamed into place;
 *   temporary:N   the Nth new file has just been created, empty, beside its target;
 *   rename:N      the Nth new file is about to be renamed over its target;
 *   done          every file is renamed, and the journal is about to be deleted.
 * It wraps Node's own file functions, so the import under test is the one authors run, with no
 * hook of its own.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [step, nth = '1'] = (process.env.STOP_IMPORT_AT ?? '').split(':');
const seen = new Map<string, number>();

function reached(name: string): void {
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);
  if (name !== step || count !== Number(nth)) return;
  process.kill(process.pid, 'SIGKILL');
  // The signal cannot be caught; wait here rather than run on until it lands.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}

const journal = /\.plan-publisher-import\.journal$/;
const { openSync, renameSync, unlinkSync } = fs;

fs.renameSync = (from, to) => {
  if (journal.test(String(to))) reached('journal');
  else if (String(to).endsWith('.md')) reached('rename');
  renameSync(from, to);
};
fs.openSync = (...args: Parameters<typeof openSync>) => {
  const fd = openSync(...args);
  if (/\.import-\d+\.tmp$/.test(String(args[0]))) reached('temporary');
  return fd;
};
fs.unlinkSync = (file) => {
  if (journal.test(String(file))) reached('done');
  unlinkSync(file);
};
syncBuiltinESMExports();
