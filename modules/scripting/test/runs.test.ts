import { describeEachBackend, expectProblem, ok, outboxEvents } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Script } from '../src/schemas.js';
import { createProduct, createScript, dryRun, executionsOf, otherTenant, run, type ScriptWorld, scriptWorld } from './helpers.js';

/** Manual runs and dry runs: the host API, the execution log, schemas, and a script turned off after failing. */
describeEachBackend('scripting: runs', (backend) => {
  let w: ScriptWorld;

  beforeAll(async () => {
    w = await scriptWorld(backend);
  });
  afterAll(() => w?.p.close());

  it('runs with an input document, keeps kv between runs, emits its event, and logs the execution', async () => {
    const script = await createScript(w, {
      name: 'counter',
      source: [
        'const n = ((await ctx.kv.get("n")) ?? 0) + ctx.input.by;',
        'await ctx.kv.set("n", n);',
        'console.log("now", n);',
        'await ctx.emit("counted", { n });',
        'return { n, tenant: ctx.tenant.id };',
      ].join('\n'),
    });
    expect(await run(w, script.id, { input: { by: 2 } })).toMatchObject({ ok: true, output: { n: 2, tenant: w.tenant.id } });
    const second = await run(w, script.id, { input: { by: 3 } });
    expect(second).toMatchObject({ ok: true, output: { n: 5 }, dryRun: false, log: [{ level: 'log', text: 'now 5' }] });
    expect(second.cpuMs).toBeGreaterThanOrEqual(0);
    expect(second.memoryBytes).toBeGreaterThan(0);
    const events = await outboxEvents(w.p, w.tenant.id, `type = 'scripting.script.emitted'`);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ name: 'script.counter.counted', data: { n: 2 } }),
      expect.objectContaining({ name: 'script.counter.counted', data: { n: 5 } }),
    ]);
    const log = await executionsOf(w, script.id);
    expect(log.map((e) => [e.trigger, e.status])).toEqual([
      ['manual', 'succeeded'],
      ['manual', 'succeeded'],
    ]);
    expect(log[0]).toMatchObject({ log: '[log] now 5', outputExcerpt: expect.stringContaining('"n":5') });
  });

  it('dry-runs with no side effect: kv in memory, events, product writes and requests recorded only, nothing logged', async () => {
    const productId = await createProduct(w, 'Dry Chair');
    const script = await createScript(w, {
      name: 'dry',
      source: [
        'await ctx.kv.set("k", "v");',
        'const seen = await ctx.kv.get("k");',
        'await ctx.emit("tried", {});',
        'await ctx.api.products.setTags(ctx.input.id, ["dry"]);',
        'const res = await ctx.http.fetch("http://127.0.0.1:9/x", { method: "POST" });',
        'return { seen, fetched: res.dryRun };',
      ].join('\n'),
    });
    const eventsBefore = (await outboxEvents(w.p, w.tenant.id, `type LIKE 'scripting.%' OR type = 'commerce.product.updated'`)).length;
    const report = await dryRun(w, script.id, { input: { id: productId } });
    expect(report).toMatchObject({ ok: true, dryRun: true, executionId: null, output: { seen: 'v', fetched: true } });
    expect(report.recordedCalls.map((c) => [c.name, c.performed])).toEqual([
      ['kv.set', false],
      ['emit', false],
      ['api.products.setTags', false],
      ['http.fetch', false],
    ]);
    expect(await executionsOf(w, script.id)).toEqual([]);
    const product = await ok<{ tags: string[] }>(w.call('GET', `/commerce/products/${productId}`, w.admin));
    expect(product.tags).toEqual([]);
    expect(await outboxEvents(w.p, w.tenant.id, `type LIKE 'scripting.%' OR type = 'commerce.product.updated'`)).toHaveLength(eventsBefore);
    const kv = await run(w, (await createScript(w, { name: 'peek', source: 'return 1' })).id);
    expect(kv.ok).toBe(true);
    const { rows } = await w.p.database.db.transaction((tx) => tx.query('SELECT key FROM scripting_kv'), { tenantId: w.tenant.id });
    expect(rows.filter((r) => r.key === 'k')).toEqual([]);
  });

  it('dry-runs an unsaved draft and reports its budget figures', async () => {
    const script = await createScript(w, { name: 'drafted', source: 'return 1' });
    const report = await dryRun(w, script.id, { source: 'let s = 0; for (let i = 0; i < 1e4; i++) s += i; return s;' });
    expect(report).toMatchObject({ ok: true, output: 49995000 });
    expect(report.cpuMs).toBeGreaterThan(0);
    expectProblem(
      await w.call('POST', `/scripting/scripts/${script.id}/dry-run`, w.admin, { source: 'return (' }),
      422,
      'SCRIPTING_COMPILE_FAILED',
    );
  });

  it('checks the input and output against the declared schemas', async () => {
    const script = await createScript(w, {
      name: 'typed-io',
      source: 'return ctx.input.n > 0 ? { total: ctx.input.n } : { total: "none" };',
      inputSchema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
      outputSchema: { type: 'object', required: ['total'], properties: { total: { type: 'integer' } } },
    });
    expectProblem(
      await w.call('POST', `/scripting/scripts/${script.id}/run`, w.admin, { input: { n: 'x' } }),
      422,
      'SCRIPTING_INPUT_INVALID',
    );
    expect(await run(w, script.id, { input: { n: 2 } })).toMatchObject({ ok: true, output: { total: 2 } });
    expect(await run(w, script.id, { input: { n: 0 } })).toMatchObject({ ok: false, errorCode: 'SCRIPT_OUTPUT_INVALID' });
  });

  it('turns a script off after failing the set number of runs in a row, and says so in an event', async () => {
    const script = await createScript(w, { name: 'flaky', source: 'if (ctx.input.fail) throw new Error("boom"); return 1;' });
    await run(w, script.id, { input: { fail: true } });
    await run(w, script.id, { input: { fail: false } });
    for (let i = 0; i < 3; i++)
      expect(await run(w, script.id, { input: { fail: true } })).toMatchObject({ ok: false, errorCode: 'SCRIPT_ERROR' });
    const after = await ok<Script>(w.call('GET', `/scripting/scripts/${script.id}`, w.admin));
    expect(after).toMatchObject({ enabled: false, disabledReason: 'failing', consecutiveFailures: 3 });
    const events = await outboxEvents(w.p, w.tenant.id, `type = 'scripting.script.disabled'`);
    expect(events.map((e) => e.payload)).toEqual([
      { scriptId: script.id, name: 'flaky', reason: 'failing', consecutiveFailures: 3, lastErrorCode: 'SCRIPT_ERROR' },
    ]);
    const failed = (await executionsOf(w, script.id)).filter((e) => e.status === 'failed');
    expect(failed[0]).toMatchObject({ errorCode: 'SCRIPT_ERROR', errorMessage: expect.stringContaining('boom'), errorLine: 1 });
  });

  it('names the TypeScript source’s own line of an error thrown at run time', async () => {
    const source =
      'interface Input {\n  n: number;\n}\nconst input = ctx.input as Input;\nif (input.n > 1) throw new Error("too many");\nreturn input.n;';
    const script = await createScript(w, { name: 'typed', language: 'ts', source });
    expect(await run(w, script.id, { input: { n: 1 } })).toMatchObject({ ok: true, output: 1 });
    expect(await run(w, script.id, { input: { n: 2 } })).toMatchObject({ ok: false, errorCode: 'SCRIPT_ERROR', errorLine: 5 });
  });

  it("cannot read or write another tenant's product or key-value store", async () => {
    const b = await otherTenant(w, `runs-b-${Date.now().toString(36)}`);
    const ofB = await ok<{ id: string }>(
      w.call('POST', '/commerce/products', b.admin, {
        title: 'Product of B',
        variants: [{ title: 'Default', sku: 'SKU-B-1', prices: [{ currencyCode: 'USD', amount: 500 }] }],
      }),
      201,
    );
    const storedByB = await ok<{ id: string }>(
      w.call('POST', '/scripting/scripts', b.admin, { name: 'keeper', source: 'await ctx.kv.set("secret", "of B"); return 1;' }),
      201,
    );
    await ok(w.call('POST', `/scripting/scripts/${storedByB.id}/run`, b.admin, {}));
    const reader = await createScript(w, {
      name: 'keeper',
      source: [
        'const secret = await ctx.kv.get("secret");',
        'let read = "refused"; try { await ctx.api.products.get(ctx.input.id); read = "read"; } catch (e) { read = String(e.message); }',
        'let wrote = "refused"; try { await ctx.api.products.setTags(ctx.input.id, ["by-a"]); wrote = "wrote"; } catch (e) { wrote = String(e.message); }',
        'return { secret, read, wrote };',
      ].join('\n'),
    });
    const report = await run(w, reader.id, { input: { id: ofB.id } });
    expect(report).toMatchObject({
      ok: true,
      output: {
        secret: null,
        read: expect.stringContaining('COMMERCE_PRODUCT_NOT_FOUND'),
        wrote: expect.stringContaining('COMMERCE_PRODUCT_NOT_FOUND'),
      },
    });
    const product = await ok<{ tags: string[] }>(w.call('GET', `/commerce/products/${ofB.id}`, b.admin));
    expect(product.tags).toEqual([]);
  });
  it("runs ctx.api with the permissions the tenant grants its scripts' service role, and no more", async () => {
    const id = await createProduct(w, `Granted ${Date.now().toString(36)}`);
    const tagger = await createScript(w, {
      name: `tagger-${Date.now().toString(36)}`,
      source: [
        'const read = (await ctx.api.products.get(ctx.input.id)).id === ctx.input.id;',
        'let wrote = "wrote"; try { await ctx.api.products.setTags(ctx.input.id, ["granted"]); } catch (e) { wrote = String(e.message); }',
        'return { read, wrote };',
      ].join('\n'),
    });
    const grant = (scriptPermissions: string[] | undefined) =>
      ok(w.call('PUT', '/modules/scripting', w.admin, { enabled: true, settings: scriptPermissions ? { scriptPermissions } : {} }));
    await grant(['commerce.products.read']);
    expect(await run(w, tagger.id, { input: { id } })).toMatchObject({
      ok: true,
      output: { read: true, wrote: expect.stringContaining('AUTH_FORBIDDEN') },
    });
    expect((await ok<{ tags: string[] }>(w.call('GET', `/commerce/products/${id}`, w.admin))).tags).toEqual([]);
    expectProblem(
      await w.call('PUT', '/modules/scripting', w.admin, { enabled: true, settings: { scriptPermissions: ['commerce.orders.refund'] } }),
      422,
    );
    await grant(undefined);
    expect(await run(w, tagger.id, { input: { id } })).toMatchObject({ ok: true, output: { read: true, wrote: 'wrote' } });
    expect((await ok<{ tags: string[] }>(w.call('GET', `/commerce/products/${id}`, w.admin))).tags).toEqual(['granted']);
  });
});
