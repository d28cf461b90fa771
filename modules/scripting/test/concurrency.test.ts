import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachBackend, ok, startReceiver } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Script } from '../src/schemas.js';
import type { RunReport } from '../src/schemas-runs.js';
import { createScript, executionsOf, otherTenant, type ScriptWorld, scriptWorld, TEST_SCRIPTING } from './helpers.js';

const CONCURRENCY = 4;
const QUEUE = 50;

/** The per-tenant concurrency budget under 1,000 runs at once, through the module's own endpoint. */
describeEachBackend('scripting: per-tenant concurrency', (backend) => {
  let w: ScriptWorld;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let inFlight = 0;
  let most = 0;

  beforeAll(async () => {
    // Each run holds a request to this receiver for 100 ms: the requests in flight are the runs in progress.
    receiver = await startReceiver((_request, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      void sleep(100).then(() => {
        inFlight -= 1;
        res.end('ok');
      });
    });
    // Budgets wide enough that no run fails for time while the main thread serves 1,000 requests (PGlite runs there too).
    const limits = { cpu_ms: 1_000, wall_ms: 30_000 };
    w = await scriptWorld(backend, { ...TEST_SCRIPTING, workers: 6, concurrency_per_tenant: CONCURRENCY, queue_per_tenant: QUEUE, limits });
  });
  afterAll(async () => {
    await w?.p.close();
    await receiver?.close();
  });

  it('runs at most the tenant’s concurrency at once out of 1,000; the excess waits or is a 429, and the script stays on', async () => {
    const source = 'const res = await ctx.http.fetch(ctx.input.url); return { status: res.status };';
    const script = await createScript(w, { name: 'held', source, triggers: [{ kind: 'http' }] });
    const b = await otherTenant(w, `busy-b-${Date.now().toString(36)}`);
    const ofB = await createScript(w, { name: 'quick', source: 'return 1' }, b.admin);
    const headers = { 'x-tenant-id': w.tenant.id };
    const body = { url: `${receiver.base}/held` };
    const calls = Array.from({ length: 1_000 }, () => w.call('POST', '/hooks/held', headers, body));
    // Another tenant's run meanwhile is not held by tenant A's budget.
    const quick = await ok<RunReport>(w.call('POST', `/scripting/scripts/${ofB.id}/run`, b.admin, {}));
    const answers = await Promise.all(calls);
    expect(quick).toMatchObject({ ok: true, output: 1 });

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.statusCode, (byStatus.get(a.statusCode) ?? 0) + 1);
    const succeeded = byStatus.get(200) ?? 0;
    const busy = byStatus.get(429) ?? 0;
    expect(succeeded + busy, JSON.stringify([...byStatus])).toBe(1_000);
    expect(answers.filter((a) => a.statusCode === 429).every((a) => a.json<{ code: string }>().code === 'SCRIPT_BUSY')).toBe(true);
    expect(busy).toBeGreaterThan(0);
    expect(succeeded).toBeGreaterThanOrEqual(CONCURRENCY + QUEUE);
    expect(most).toBeLessThanOrEqual(CONCURRENCY);
    expect(most).toBeGreaterThan(1);
    expect(receiver.seen).toHaveLength(succeeded);

    // A refusal for being busy never ran: it is neither logged nor a failure of the script.
    const after = await ok<Script>(w.call('GET', `/scripting/scripts/${script.id}`, w.admin));
    expect(after).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    const log = await executionsOf(w, script.id);
    expect(log.every((e) => e.status === 'succeeded')).toBe(true);
  }, 180_000);
});
