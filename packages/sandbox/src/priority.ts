// A worker thread's CPU priority, set by the thread itself when it starts (Linux only: there each
// thread has its own; elsewhere the calls would lower the whole process, so nothing is done).
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export interface ThreadPriority {
  /** Linux nice, 0–19; 0 leaves the process's. */
  readonly nice: number;
  /**
   * SCHED_IDLE: the thread runs only on CPU time no other thread wants, and a request's thread that
   * wakes takes the CPU from it at once (a nice value only shares the CPU in proportion). Set through
   * util-linux's `chrt`; where it is missing or refused, the nice value stands alone.
   */
  readonly idle?: boolean;
}

/** Applies `priority` to the calling thread; returns whether SCHED_IDLE took effect. */
export const applyThreadPriority = (priority: ThreadPriority): boolean => {
  if (process.platform !== 'linux') return false;
  // pid 0 is the calling thread.
  if (priority.nice > 0) setPriority(0, priority.nice);
  if (!priority.idle) return false;
  try {
    const tid = readlinkSync('/proc/thread-self').split('/').pop() ?? '';
    execFileSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
};
