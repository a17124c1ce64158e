/**
 * Runs a command as a child process and measures it as a whole: wall time, the time each line of
 * its output arrived (so stages can be timed from what it prints), and the peak memory of its
 * whole process tree, sampled from /proc: a build's Astro units, Pagefind's indexer and the build
 * itself together, which is what a machine must have.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface MeasuredRun {
  code: number | null;
  ms: number;
  /** Each line of stdout and stderr with the milliseconds since the start when it arrived. */
  lines: Array<{ at: number; text: string }>;
  /** Peak resident memory of the process and all its descendants at once, in bytes (0 where /proc is missing). */
  peakRss: number;
}

const pageSize = 4096;

/** The resident memory of a process and all its descendants, now. */
export function treeRss(root: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields count from after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measuredRun(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: MeasuredRun['lines'] = [];
    let peakRss = 0;
    const sample = () => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        const at = performance.now() - started;
        pending += chunk.toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const text of parts) lines.push({ at, text });
      });
    }
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, ms: performance.now() - started, lines, peakRss });
    });
  });
}
