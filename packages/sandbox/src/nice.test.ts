import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';

/** Field `n` (1-based, as in proc(5)) of each thread's /proc/self/task/<tid>/stat. */
const threadStat = (n: number): number[] =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[n - 3]);
  });
/** Each thread's nice value (field 19). */
const threadNices = (): number[] => threadStat(19);
/** Each thread's scheduling policy (field 41): 5 is SCHED_IDLE. */
const threadPolicies = (): number[] => threadStat(41);
const SCHED_IDLE = 5;
const hasChrt = (() => {
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(process.platform === 'linux')('worker priority', () => {
  it('runs the workers, and only them, at the nice value asked for', async () => {
    const before = threadNices().filter((n) => n === 7).length;
    const sandbox = createSandbox({ size: 2, nice: 7 });
    try {
      // Two runs at once start both workers.
      const results = await Promise.all([1, 2].map(() => sandbox.run({ key: 'k', source: 'return 1' })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(threadNices().filter((n) => n === 7).length - before).toBe(2);
      // The process's main thread (its requests) keeps its priority.
      const main = readFileSync('/proc/self/stat', 'utf8');
      expect(main.slice(main.lastIndexOf(')') + 2).split(' ')[16]).toBe('0');
    } finally {
      await sandbox.close();
    }
  });

  it.runIf(hasChrt)('runs the workers, and only them, under SCHED_IDLE when asked', async () => {
    const before = threadPolicies().filter((p) => p === SCHED_IDLE).length;
    const sandbox = createSandbox({ size: 2, nice: 10, idle: true });
    try {
      const results = await Promise.all([1, 2].map(() => sandbox.run({ key: 'k', source: 'return 1' })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(threadPolicies().filter((p) => p === SCHED_IDLE).length - before).toBe(2);
      const main = readFileSync('/proc/self/stat', 'utf8');
      expect(main.slice(main.lastIndexOf(')') + 2).split(' ')[38]).toBe('0');
    } finally {
      await sandbox.close();
    }
  });
});
