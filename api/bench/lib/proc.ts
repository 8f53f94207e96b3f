/** CPU time of processes from /proc (Linux): the server under test and PostgreSQL's processes. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux.

const stat = (pid: number): { ppid: number; cpuMs: number; childrenMs: number } | null => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const cutime = Number(fields[13]);
    const cstime = Number(fields[14]);
    return { ppid, cpuMs: (utime + stime) * TICK_MS, childrenMs: (cutime + cstime) * TICK_MS };
  } catch {
    return null;
  }
};

/** CPU milliseconds used so far by `pid` (0 when it is gone). */
export const cpuMsOf = (pid: number): number => stat(pid)?.cpuMs ?? 0;

/**
 * CPU milliseconds used so far by `pid` and its children, live or exited (PostgreSQL's backends:
 * a backend that exits moves its time into the postmaster's cutime/cstime).
 */
export const cpuMsWithChildren = (pid: number): number => {
  const own = stat(pid);
  let total = own ? own.cpuMs + own.childrenMs : 0;
  for (const entry of readdirSync('/proc')) {
    const child = Number(entry);
    if (Number.isInteger(child) && child > 0) {
      const s = stat(child);
      if (s && s.ppid === pid) {
        total += s.cpuMs + s.childrenMs;
      }
    }
  }
  return total;
};

export const canPin = (): boolean => os.cpus().length >= 2 && existsTaskset();

const existsTaskset = (): boolean => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
};

/** Pins this process (and every child started afterwards) to `cpu`. */
export const pinSelf = (cpu: number): void => {
  execFileSync('taskset', ['-pc', String(cpu), String(process.pid)], {
    stdio: 'ignore',
  });
};
