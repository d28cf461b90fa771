import { describeEachBackend, expectProblem, ok } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Script } from '../src/schemas.js';
import { createProduct, createScript, executionsOf, type ScriptWorld, scriptWorld, TEST_SCRIPTING, until } from './helpers.js';

/** A tenant's CPU time per minute: 40 ms here, so one run of ~170 ms of work spends it. */
describeEachBackend('scripting: CPU time per tenant and minute', (backend) => {
  let w: ScriptWorld;

  beforeAll(async () => {
    w = await scriptWorld(backend, { ...TEST_SCRIPTING, cpu_ms_per_minute: 40, limits: { cpu_ms: 2_000, wall_ms: 30_000 } });
  });
  afterAll(() => w?.p.close());

  it('refuses runs once the minute’s CPU time is spent: a manual run with 429, a queued one waits in the queue', async () => {
    const spin = await createScript(w, {
      name: 'spin',
      // A fixed amount of work (~170 ms of CPU on a 2-core test machine): the budget counts CPU time.
      source: 'let n = 0; for (let i = 0; i < 6e6; i++) n += i % 7; return n > 0;',
    });
    const first = await ok<{ ok: boolean; cpuMs: number }>(w.call('POST', `/scripting/scripts/${spin.id}/run`, w.admin, {}));
    expect(first).toMatchObject({ ok: true });
    expect(first.cpuMs).toBeGreaterThanOrEqual(40);
    const refused = await w.call('POST', `/scripting/scripts/${spin.id}/run`, w.admin, {});
    expectProblem(refused, 429, 'SCRIPT_CPU_BUDGET');
    expect(refused.json<{ detail: string }>().detail).toMatch(/may run again in \d+ s/);
    // Not recorded, and not a failure of the script.
    expect(await executionsOf(w, spin.id)).toHaveLength(1);

    const onPublish = await createScript(w, {
      name: 'on-publish',
      source: 'return ctx.event.type;',
      triggers: [{ kind: 'event', eventTypes: ['commerce.product.published'] }],
    });
    const productId = await createProduct(w, 'Budget Lamp');
    await ok(w.call('POST', `/commerce/products/${productId}/publish`, w.admin));
    const queued = await until(async () => {
      const { rows } = await w.p.database.db.query<{ later: boolean }>(
        `SELECT due_at > now() + interval '5 seconds' AS later FROM scripting_queue WHERE tenant_id = $1`,
        [w.tenant.id],
      );
      return rows.length === 1 && rows[0]?.later === true && rows;
    }, 'the queued run put off until the CPU time renews');
    expect(queued).toHaveLength(1);
    expect((await executionsOf(w, onPublish.id)).map((e) => e.status)).toEqual(['queued']);
    const after = await ok<Script>(w.call('GET', `/scripting/scripts/${onPublish.id}`, w.admin));
    expect(after).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });
});
