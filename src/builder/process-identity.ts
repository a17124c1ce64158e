/**
 * Telling one process from another that was later given the same id. A process id alone is
 * not enough to say that the build which wrote a lock is still running: once it is gone, the
 * operating system gives its id to the next process it starts (soon, in a container), and an
 * unrelated program would then hold the lock for ever.
 *
 * So a process is recorded with what stays the same for its whole life and changes with the
 * next one given its id:
 * - on Linux, its start time (field 22 of /proc/<pid>/stat, in clock ticks since the computer
 *   started) and the computer's boot id (/proc/sys/kernel/random/boot_id);
 * - elsewhere (macOS, Windows), where no start time can be read without another program, the
 *   computer's name and the time it started (within a minute): a process id from before a restart
 *   or from another computer names nothing. There, a process given a dead build's id while the
 *   computer stays up still looks like it: delete the lock by hand (the message says so).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface ProcessIdentity {
  pid: number;
  /** The computer's name. */
  host?: string;
  /** Linux: the process's start time, in clock ticks since the computer started. */
  start?: string;
  /** Linux: the boot id, new each time the computer starts. */
  bootId?: string;
  /** Elsewhere: when the computer started, in seconds since 1970. */
  bootTime?: number;
}

/** A restart a minute or less from the recorded one is the same: uptime and clock drift apart. */
const bootTolerance = 60;

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: after the name in brackets (which may hold spaces and brackets), field 3 onwards. */
function startTicks(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return /^\d+$/.test(fields[22 - 3] ?? '') ? fields[22 - 3] : undefined;
}

const linuxBootId = () => readProc('/proc/sys/kernel/random/boot_id')?.trim() || undefined;

/** This process, as a lock records it. */
export function thisProcess(): ProcessIdentity {
  const start = startTicks(process.pid);
  const bootId = linuxBootId();
  if (start && bootId) return { pid: process.pid, host: os.hostname(), start, bootId };
  return { pid: process.pid, host: os.hostname(), bootTime: Math.round(Date.now() / 1000 - os.uptime()) };
}

/** Whether a process with this id exists on this computer (of any user). */
export function isRunning(pid: number): boolean {
  // 0 and negative ids name process groups, not a process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the recorded process is still running: its id is in use on this computer, since the
 * same start, by a process that started when it did. What was not recorded (a lock written by
 * an older version) is not held against it.
 */
export function stillRunning(recorded: ProcessIdentity): boolean {
  if (!isRunning(recorded.pid)) return false;
  if (recorded.host !== undefined && recorded.host !== os.hostname()) return false;
  const bootId = linuxBootId();
  if (recorded.bootId !== undefined && bootId !== undefined && recorded.bootId !== bootId) return false;
  if (recorded.start !== undefined) {
    const start = startTicks(recorded.pid);
    if (start !== undefined && start !== recorded.start) return false;
  }
  if (recorded.bootTime !== undefined && Math.abs(Date.now() / 1000 - os.uptime() - recorded.bootTime) > bootTolerance) return false;
  return true;
}
