import { describeEachBackend, expectProblem, graphqlClient, ok } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scriptingOptions } from '../src/options.js';
import {
  createProduct,
  createScript,
  executionsOf,
  type Headers,
  otherTenant,
  type ScriptWorld,
  scriptWorld,
  TEST_SCRIPTING,
} from './helpers.js';

/**
 * The hooks' budgets here: the deployment default is 20 ms of CPU time and 200 ms of wall time; the
 * tests hold the hooks to 100 ms of CPU time and give them 1.5 s of wall time, which a machine busy
 * with other work stretches.
 */
const HOOK_CPU_MS = 100;
const HOOK_WALL_MS = 1_500;

/** A validate hook refusing a title it does not like, logging what it saw. */
const NO_CHEAP = [
  'console.log(ctx.input.write, ctx.input.productId === null ? "new" : "existing");',
  'const title = ctx.input.changes.title;',
  'if (typeof title === "string" && /cheap/i.test(title)) return { ok: false, message: "Titles may not say cheap: " + title };',
  'return { ok: true };',
].join('\n');

const BOTH_WRITES = [{ kind: 'validate', writes: ['commerce.product.create', 'commerce.product.update'] }];

const product = (title: string) => ({
  title,
  variants: [{ title: 'Default', sku: `SKU-${title.replace(/\W/g, '')}`, prices: [{ currencyCode: 'USD', amount: 1000 }] }],
});

/** Validate hooks: opt-in per tenant, run inside the product write's request, accept or reject with the script's message. */
describeEachBackend('scripting: validate hooks', (backend) => {
  let w: ScriptWorld;
  const { gql, data } = graphqlClient(() => w.p);

  const setHooks = (admin: Headers, settings: Record<string, unknown>) =>
    ok(w.call('PUT', '/modules/scripting', admin, { enabled: true, settings }));

  beforeAll(async () => {
    // A roomy wall budget: a hook is charged CPU time, not time spent waiting for a CPU, so on a busy test
    // machine the default 200 ms of wall time could end a spinning hook before its CPU budget does.
    w = await scriptWorld(backend, { ...TEST_SCRIPTING, validate: { cpu_ms: HOOK_CPU_MS, wall_ms: HOOK_WALL_MS } });
  });
  afterAll(() => w?.p.close());

  it('is not called while the tenant has not turned validate hooks on', async () => {
    expect(scriptingOptions(w.p.app.rustok.config).validate).toMatchObject({ cpu_ms: HOOK_CPU_MS, wall_ms: HOOK_WALL_MS, workers: 1 });
    const hook = await createScript(w, { name: 'no-cheap-off', source: NO_CHEAP, triggers: BOTH_WRITES });
    expect(hook.triggers).toMatchObject([{ kind: 'validate', writes: ['commerce.product.create', 'commerce.product.update'] }]);
    await createProduct(w, 'Cheap Lamp');
    expect(await executionsOf(w, hook.id)).toEqual([]);
    await ok(w.call('DELETE', `/scripting/scripts/${hook.id}`, w.admin), 204);
  });

  it('rejects a product create and update over REST with the script’s message (422), within its budget', async () => {
    await setHooks(w.admin, { validateHooks: true });
    const hook = await createScript(w, { name: 'no-cheap', source: NO_CHEAP, triggers: BOTH_WRITES });
    const refused = await w.call('POST', '/commerce/products', w.admin, product('Cheap Chair'));
    expectProblem(refused, 422, 'SCRIPTING_WRITE_REJECTED');
    expect(refused.json()).toMatchObject({ detail: 'Titles may not say cheap: Cheap Chair' });
    const list = await ok<{ items: { title: string }[] }>(w.call('GET', '/commerce/products?limit=100', w.admin));
    expect(list.items.map((p) => p.title)).not.toContain('Cheap Chair');

    const id = (await ok<{ id: string }>(w.call('POST', '/commerce/products', w.admin, product('Fine Chair')), 201)).id;
    const update = await w.call('PATCH', `/commerce/products/${id}`, w.admin, { title: 'Cheap Fine Chair' });
    expectProblem(update, 422, 'SCRIPTING_WRITE_REJECTED');
    expect((await ok<{ title: string }>(w.call('GET', `/commerce/products/${id}`, w.admin))).title).toBe('Fine Chair');
    await ok(w.call('PATCH', `/commerce/products/${id}`, w.admin, { description: 'Oak' }));

    const runs = await executionsOf(w, hook.id);
    expect(runs.map((r) => [r.trigger, r.status])).toEqual(Array(4).fill(['validate', 'succeeded']));
    expect(runs.map((r) => r.log).sort()).toEqual([
      '[log] commerce.product.create new',
      '[log] commerce.product.create new',
      '[log] commerce.product.update existing',
      '[log] commerce.product.update existing',
    ]);
    for (const run of runs) expect(run.cpuMs).toBeLessThan(HOOK_CPU_MS);
  });

  it('rejects over GraphQL with the same code and message', async () => {
    const reply = await gql(w.admin, 'mutation ($input: CreateCommerceProductInput!) { createCommerceProduct(input: $input) { id } }', {
      input: product('Cheap Table'),
    });
    expect(reply.errors?.[0]).toMatchObject({
      message: 'Titles may not say cheap: Cheap Table',
      extensions: { code: 'SCRIPTING_WRITE_REJECTED' },
    });
    const { id } = await data<{ id: string }>(
      'createCommerceProduct',
      w.admin,
      'mutation ($input: CreateCommerceProductInput!) { createCommerceProduct(input: $input) { id } }',
      { input: product('Sturdy Table') },
    );
    const update = await gql(w.admin, 'mutation ($id: ID!) { updateCommerceProduct(id: $id, input: { title: "Cheap Table" }) { id } }', {
      id,
    });
    expect(update.errors?.[0]?.extensions?.code).toBe('SCRIPTING_WRITE_REJECTED');
  });

  it('refuses the write when a hook fails (over budget) unless the tenant lets failures through', async () => {
    const spin = await createScript(w, { name: 'a-spin', source: 'while (true) {}', triggers: BOTH_WRITES });
    const started = performance.now();
    const refused = await w.call('POST', '/commerce/products', w.admin, product('Any Stool'));
    expectProblem(refused, 503, 'SCRIPTING_VALIDATE_HOOK_FAILED');
    expect(refused.json<{ detail: string }>().detail).toMatch(/^Validate hook a-spin failed \(SCRIPT_TIMEOUT\)/);
    expect(performance.now() - started).toBeLessThan(HOOK_WALL_MS + 1_000);
    const [run] = await executionsOf(w, spin.id);
    expect(run).toMatchObject({ trigger: 'validate', status: 'failed', errorCode: 'SCRIPT_TIMEOUT' });
    expect(run?.cpuMs).toBeGreaterThanOrEqual(HOOK_CPU_MS);
    expect(run?.cpuMs).toBeLessThan(HOOK_CPU_MS * 3);

    await setHooks(w.admin, { validateHooks: true, validateHookFailure: 'accept' });
    await ok(w.call('POST', '/commerce/products', w.admin, product('Any Bench')), 201);
    // The next hook still runs: a failed one lets the write go on to it, not past it.
    expectProblem(await w.call('POST', '/commerce/products', w.admin, product('Cheap Bench')), 422, 'SCRIPTING_WRITE_REJECTED');
    await ok(w.call('DELETE', `/scripting/scripts/${spin.id}`, w.admin), 204);
  });

  it('takes a rejection only as { ok: false, message }: another answer is a failed hook', async () => {
    await setHooks(w.admin, { validateHooks: true });
    const odd = await createScript(w, {
      name: 'a-odd',
      source: 'return "no";',
      triggers: [{ kind: 'validate', writes: ['commerce.product.create'] }],
    });
    expectProblem(await w.call('POST', '/commerce/products', w.admin, product('Odd Shelf')), 503, 'SCRIPTING_VALIDATE_HOOK_FAILED');
    const reach = 'await ctx.kv.set("k", 1); return { ok: true };';
    await ok(w.call('PATCH', `/scripting/scripts/${odd.id}`, w.admin, { source: reach }));
    const refused = await w.call('POST', '/commerce/products', w.admin, product('Odd Shelf'));
    expectProblem(refused, 503, 'SCRIPTING_VALIDATE_HOOK_FAILED');
    expect(refused.json<{ detail: string }>().detail).toContain('not available in a validate hook');
    await ok(w.call('DELETE', `/scripting/scripts/${odd.id}`, w.admin), 204);
  });

  it('checks only its own tenant’s writes, and a trigger names known writes only', async () => {
    const b = await otherTenant(w, `hooks-b-${Date.now().toString(36)}`);
    await ok(w.call('POST', '/commerce/products', b.admin, product('Cheap Cup')), 201);
    const bad = await w.call('POST', '/scripting/scripts', w.admin, {
      name: 'bad-write',
      source: 'return true',
      triggers: [{ kind: 'validate', writes: ['commerce.order.create'] }],
    });
    expectProblem(bad, 422, 'SCRIPTING_TRIGGER_INVALID');
    expectProblem(
      await w.call('POST', '/scripting/scripts', w.admin, { name: 'no-write', source: 'return true', triggers: [{ kind: 'validate' }] }),
      422,
      'SCRIPTING_TRIGGER_INVALID',
    );
  });
});
