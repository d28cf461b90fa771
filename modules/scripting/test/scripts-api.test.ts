import { describeEachBackend, expectProblem, graphqlClient, ok } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Script, ScriptVersionList } from '../src/schemas.js';
import { createScript, otherTenant, type ScriptWorld, scriptWorld } from './helpers.js';

/** Managing scripts: save (compiled on save), versions and rollback, on and off, permissions, tenants apart, GraphQL. */
describeEachBackend('scripting: scripts over HTTP and GraphQL', (backend) => {
  let w: ScriptWorld;
  const { data, codes } = graphqlClient(() => w.p);

  beforeAll(async () => {
    w = await scriptWorld(backend);
  });
  afterAll(() => w?.p.close());

  it('saves TypeScript transpiled on save, with its hash and triggers, and lists it', async () => {
    const script = await createScript(w, {
      name: 'typed',
      language: 'ts',
      source: 'const n: number = 2;\nreturn { doubled: n * 2 };',
      triggers: [{ kind: 'manual' }, { kind: 'event', eventTypes: ['commerce.product.*'] }, { kind: 'cron', cron: '*/5 * * * *' }],
    });
    expect(script).toMatchObject({ name: 'typed', language: 'ts', version: 1, enabled: true, consecutiveFailures: 0 });
    expect(script.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(script.triggers.map((t) => t.kind)).toEqual(['manual', 'event', 'cron']);
    const list = await ok<{ items: Script[] }>(w.call('GET', '/scripting/scripts', w.admin));
    expect(list.items.map((s) => s.name)).toContain('typed');
  });

  it('refuses a syntax error with its line (422), a taken name (409), unknown event types and bad cron (422)', async () => {
    const res = await w.call('POST', '/scripting/scripts', w.admin, { name: 'broken', source: 'const a = 1;\n\nreturn a +;' });
    expectProblem(res, 422, 'SCRIPTING_COMPILE_FAILED');
    expect(res.json()).toMatchObject({ detail: expect.stringContaining('Line 3') });
    expectProblem(await w.call('POST', '/scripting/scripts', w.admin, { name: 'typed', source: 'return 1' }), 409, 'SCRIPTING_NAME_TAKEN');
    const badEvent = { name: 'ev', source: 'return 1', triggers: [{ kind: 'event', eventTypes: ['nothing.like.this'] }] };
    expectProblem(await w.call('POST', '/scripting/scripts', w.admin, badEvent), 422, 'SCRIPTING_TRIGGER_INVALID');
    const badCron = { name: 'cr', source: 'return 1', triggers: [{ kind: 'cron', cron: '61 * * * *' }] };
    expectProblem(await w.call('POST', '/scripting/scripts', w.admin, badCron), 422, 'SCRIPTING_TRIGGER_INVALID');
    const badSchema = { name: 'sc', source: 'return 1', outputSchema: { type: 'no-such-type' } };
    expectProblem(await w.call('POST', '/scripting/scripts', w.admin, badSchema), 422, 'SCRIPTING_SCHEMA_INVALID');
  });

  it('keeps every saved version; a rollback makes an old one current as a new version', async () => {
    const script = await createScript(w, { name: 'versioned', source: 'return 1' });
    await ok(w.call('PATCH', `/scripting/scripts/${script.id}`, w.admin, { source: 'return 2' }));
    const rolled = await ok<Script>(w.call('POST', `/scripting/scripts/${script.id}/versions/1/rollback`, w.admin));
    expect(rolled).toMatchObject({ version: 3, source: 'return 1', hash: script.hash });
    const versions = await ok<ScriptVersionList>(w.call('GET', `/scripting/scripts/${script.id}/versions`, w.admin));
    expect(versions.items.map((v) => [v.version, v.source])).toEqual([
      [3, 'return 1'],
      [2, 'return 2'],
      [1, 'return 1'],
    ]);
    expectProblem(await w.call('POST', `/scripting/scripts/${script.id}/versions/9/rollback`, w.admin), 404, 'SCRIPTING_VERSION_NOT_FOUND');
  });

  it('turns scripts off and on, and deletes them', async () => {
    const script = await createScript(w, { name: 'switch', source: 'return 1' });
    expect(await ok<Script>(w.call('POST', `/scripting/scripts/${script.id}/disable`, w.admin))).toMatchObject({ enabled: false });
    expectProblem(await w.call('POST', `/scripting/scripts/${script.id}/run`, w.admin, {}), 409, 'SCRIPTING_SCRIPT_DISABLED');
    expect(await ok<Script>(w.call('POST', `/scripting/scripts/${script.id}/enable`, w.admin))).toMatchObject({ enabled: true });
    await ok(w.call('DELETE', `/scripting/scripts/${script.id}`, w.admin), 204);
    expectProblem(await w.call('GET', `/scripting/scripts/${script.id}`, w.admin), 404, 'SCRIPTING_SCRIPT_NOT_FOUND');
  });

  it('checks permissions: an editor reads, only managers save, customers see nothing', async () => {
    const editor = (await w.p.userWithToken(w.tenant.id, ['editor'])).headers;
    const customer = (await w.p.userWithToken(w.tenant.id, ['customer'])).headers;
    await ok(w.call('GET', '/scripting/scripts', editor));
    expectProblem(await w.call('POST', '/scripting/scripts', editor, { name: 'nope', source: 'return 1' }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await w.call('GET', '/scripting/scripts', customer), 403, 'AUTH_FORBIDDEN');
  });

  it("keeps tenants apart: another tenant's script is not found, and names are per tenant", async () => {
    const b = await otherTenant(w, `scripts-b-${Date.now().toString(36)}`);
    const ofB = await createScript(w, { name: 'typed', source: 'return "b"' }, b.admin);
    expectProblem(await w.call('GET', `/scripting/scripts/${ofB.id}`, w.admin), 404, 'SCRIPTING_SCRIPT_NOT_FOUND');
    expectProblem(await w.call('POST', `/scripting/scripts/${ofB.id}/run`, w.admin, {}), 404, 'SCRIPTING_SCRIPT_NOT_FOUND');
    const listOfA = await ok<{ items: Script[] }>(w.call('GET', '/scripting/scripts', w.admin));
    expect(listOfA.items.map((s) => s.id)).not.toContain(ofB.id);
  });

  it('answers the same over GraphQL', async () => {
    const made = await data<{ id: string; version: number }>(
      'createScriptingScript',
      w.admin,
      'mutation ($input: CreateScriptingScriptInput!) { createScriptingScript(input: $input) { id version } }',
      { input: { name: 'over-graphql', source: 'return ctx.input', inputSchema: null } },
    );
    expect(made.version).toBe(1);
    const report = await data<{ ok: boolean; output: unknown }>(
      'runScriptingScript',
      w.admin,
      'mutation ($id: ID!) { runScriptingScript(id: $id, input: { input: { a: 1 } }) { ok output } }',
      { id: made.id },
    );
    expect(report).toEqual({ ok: true, output: { a: 1 } });
    const customer = (await w.p.userWithToken(w.tenant.id, ['customer'])).headers;
    expect(await codes(customer, '{ scriptingScripts { items { id } } }')).toEqual(['AUTH_FORBIDDEN']);
  });
});
