import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachBackend, ok, startReceiver } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scriptingOptions } from '../src/options.js';
import type { Script } from '../src/schemas.js';
import type { RunReport } from '../src/schemas-runs.js';
import { scriptRow } from '../src/use-cases/load.js';
import { runNow } from '../src/use-cases/run-script.js';
import { createScript, executionsOf, otherTenant, type ScriptWorld, scriptWorld, TEST_SCRIPTING } from './helpers.js';

/** A scripting context of a tenant, as the module's routes make one (a person holding every permission). */
const runContext = (w: ScriptWorld, tenantId: string) => {
  const config = w.p.app.rustok.config;
  const actor = { userId: null, can: () => true };
  return { db: w.p.database.db, events: w.p.bus, tenantId, actor, config, options: scriptingOptions(config), eventTypes: [] };
};

/** 'ok', or the code of the run's failure or refusal. */
const outcomeOf = (value: unknown): string => {
  if (value && typeof value === 'object' && 'ok' in value) return (value as RunReport).ok ? 'ok' : String((value as RunReport).errorCode);
  return String((value as { code?: string }).code ?? value);
};

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
    // The module's run path (what the run and hook routes call once they found the script), 1,000 times at once:
    // every call reaches the tenant's budget at the same moment, none waits for a database connection first.
    const ctx = runContext(w, w.tenant.id);
    const row = await w.p.database.db.transaction((tx) => scriptRow(tx, script.id), { tenantId: w.tenant.id });
    const input = { url: `${receiver.base}/held` };
    const calls = Array.from({ length: 1_000 }, () => runNow(ctx, row, 'http', input).then(outcomeOf, outcomeOf));
    // Another tenant's run meanwhile is not held by tenant A's budget.
    const quick = await ok<RunReport>(w.call('POST', `/scripting/scripts/${ofB.id}/run`, b.admin, {}));
    const outcomes = await Promise.all(calls);
    expect(quick).toMatchObject({ ok: true, output: 1 });

    const count = (o: string) => outcomes.filter((x) => x === o).length;
    const succeeded = count('ok');
    const busy = count('SCRIPT_BUSY');
    expect(succeeded + busy, JSON.stringify(outcomes.filter((x) => x !== 'ok' && x !== 'SCRIPT_BUSY').slice(0, 5))).toBe(1_000);
    expect(succeeded).toBe(CONCURRENCY + QUEUE);
    expect(busy).toBe(1_000 - CONCURRENCY - QUEUE);
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
