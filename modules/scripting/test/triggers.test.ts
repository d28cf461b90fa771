import { describeEachBackend, expectProblem, ok } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scriptingOptions } from '../src/options.js';
import { fireDueCron } from '../src/triggers/fire-cron.js';
import { createProduct, createScript, executionsOf, type ScriptWorld, scriptWorld, TEST_SCRIPTING, until } from './helpers.js';

/** These tests are about what starts a run, not its budgets: a run on a loaded machine must not fail on time. */
const ROOMY = { ...TEST_SCRIPTING, limits: { cpu_ms: 2_000, wall_ms: 30_000 } };
/** How long a queued run may take to be picked up and finish on a loaded machine. */
const SETTLE_MS = 60_000;

/** Triggers: events (once per event, through the outbox consumer), cron, and a script's own endpoint. */
describeEachBackend('scripting: triggers', (backend) => {
  let w: ScriptWorld;

  beforeAll(async () => {
    w = await scriptWorld(backend, ROOMY);
  });
  afterAll(() => w?.p.close());

  it('tags a product when it is published: the effect is visible through the API, and the script ran once for the event', async () => {
    const script = await createScript(w, {
      name: 'tag-on-publish',
      source: 'await ctx.api.products.addTags(ctx.event.payload.productId, ["fresh"]); return ctx.event.type;',
      triggers: [{ kind: 'event', eventTypes: ['commerce.product.published'] }],
    });
    const productId = await createProduct(w, 'Tagged Lamp');
    await ok(w.call('POST', `/commerce/products/${productId}/publish`, w.admin));
    const product = await until(
      async () => {
        const p = await ok<{ tags: string[] }>(w.call('GET', `/commerce/products/${productId}`, w.admin));
        return p.tags.includes('fresh') && p;
      },
      'the tag',
      SETTLE_MS,
    );
    expect(product.tags).toEqual(['fresh']);
    const log = await until(
      async () => {
        const list = await executionsOf(w, script.id);
        return list.length > 0 && list.every((e) => e.status !== 'queued') && list;
      },
      'the execution',
      SETTLE_MS,
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ trigger: 'event', status: 'succeeded', outputExcerpt: '"commerce.product.published"' });
  });

  it('runs a cron script when its schedule is due (the job run called with a later clock)', async () => {
    const script = await createScript(w, {
      name: 'every-minute',
      source: 'const n = ((await ctx.kv.get("n")) ?? 0) + 1; await ctx.kv.set("n", n); return { n, at: ctx.event.scheduledAt };',
      triggers: [{ kind: 'cron', cron: '* * * * *' }],
    });
    const options = scriptingOptions(w.p.app.rustok.config);
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await fireDueCron(w.p.database.db, options, later)).toBeGreaterThanOrEqual(1);
    expect(await fireDueCron(w.p.database.db, options, later)).toBe(0);
    // Waits for the run to finish either way, so a failed run shows its error rather than a timeout.
    const log = await until(
      async () => {
        const list = await executionsOf(w, script.id);
        return list.length > 0 && list.every((e) => e.status !== 'queued') && list;
      },
      'the cron run',
      SETTLE_MS,
    );
    expect(log.at(-1)).toMatchObject({ trigger: 'cron', status: 'succeeded', outputExcerpt: expect.stringContaining('"n":1') });
    await fireDueCron(w.p.database.db, options, new Date(later.getTime() + 60_000));
    const both = await until(
      async () => {
        const list = await executionsOf(w, script.id);
        return list.length >= 2 && list.every((e) => e.status !== 'queued') && list;
      },
      'the second run',
      SETTLE_MS,
    );
    expect(both.filter((e) => e.status !== 'succeeded')).toEqual([]);
  });

  it("answers an http script's output on its endpoint, with its declared input schema", async () => {
    await createScript(w, {
      name: 'quote',
      source: 'return { total: ctx.input.qty * 250, currency: "USD" };',
      inputSchema: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1 } }, additionalProperties: false },
      outputSchema: {
        type: 'object',
        required: ['total', 'currency'],
        properties: { total: { type: 'integer' }, currency: { type: 'string' } },
      },
      triggers: [{ kind: 'http' }],
    });
    const res = await w.call('POST', '/hooks/quote', { 'x-tenant-id': w.tenant.id }, { qty: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ total: 750, currency: 'USD' });
    expectProblem(await w.call('POST', '/hooks/quote', { 'x-tenant-id': w.tenant.id }, { qty: 0 }), 422, 'SCRIPTING_INPUT_INVALID');
    expectProblem(await w.call('POST', '/hooks/no-such', { 'x-tenant-id': w.tenant.id }, {}), 404, 'SCRIPTING_SCRIPT_NOT_FOUND');
    await createScript(w, { name: 'not-http', source: 'return 1' });
    expectProblem(await w.call('POST', '/hooks/not-http', { 'x-tenant-id': w.tenant.id }, {}), 404, 'SCRIPTING_SCRIPT_NOT_FOUND');
  });
});
