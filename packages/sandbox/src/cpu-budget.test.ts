import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';

const sandbox = createSandbox({ size: 1, cpuMsPerMinutePerKey: 30, limits: { cpuMs: 2_000, wallMs: 20_000 } });
afterAll(() => sandbox.close());

// A fixed amount of work (~140 ms of CPU on a 2-core test machine): the budget counts the thread's CPU
// time, which a spin on the clock would not reach on a busy machine.
const SPIN = 'let n = 0; for (let i = 0; i < 5e6; i++) n += i % 7; return n > 0;';

describe('CPU time per key and minute', () => {
  it('refuses a key that has spent its minute’s CPU time, without running it, and says when it may run again', async () => {
    const first = await sandbox.run({ key: 'tenant-a', source: SPIN });
    expect(first).toMatchObject({ ok: true, output: true });
    expect(first.cpuMs).toBeGreaterThanOrEqual(30);
    const refused = await sandbox.run({ key: 'tenant-a', source: 'return 1' });
    expect(refused).toMatchObject({ ok: false, code: 'SCRIPT_CPU_BUDGET', cpuMs: 0, calls: 0 });
    expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterMs).toBeLessThanOrEqual(61_000);
    // Other keys keep their own budget.
    expect(await sandbox.run({ key: 'tenant-b', source: 'return 2' })).toMatchObject({ ok: true, output: 2 });
  });
});
