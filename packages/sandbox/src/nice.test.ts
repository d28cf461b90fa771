import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
const threadNices = (): number[] =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

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
});
