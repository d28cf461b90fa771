import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDocsModules, type DocsFixtures } from './fixtures/docs-modules.js';

type Headers = Record<string, string>;

interface ModuleState {
  slug: string;
  name: string;
  description: string;
  version: string;
  kind: 'core' | 'optional';
  dependencies: string[];
  enabled: boolean;
  settings: Record<string, unknown>;
}

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ code: string; status: number; errors?: { path: string; message: string }[] }>();
  expect(body).toMatchObject({ status, code });
  return body;
};

describeEachBackend('modules over HTTP', (backend) => {
  let p: TestPlatform;
  let fixtures: DocsFixtures;
  let a: TenantRef;
  let b: TenantRef;
  let adminA: Headers;
  let adminB: Headers;

  const list = async (headers: Headers) => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers });
    expect(res.statusCode, res.body).toBe(200);
    return new Map(res.json<ModuleState[]>().map((m) => [m.slug, m]));
  };
  const put = (headers: Headers, slug: string, payload: Record<string, unknown>) =>
    p.app.inject({ method: 'PUT', url: `/api/v1/modules/${slug}`, headers, payload });
  const ping = (headers: Headers) => p.app.inject({ method: 'GET', url: '/api/v1/docs/ping', headers });
  const graphql = (headers: Headers, query: string) =>
    p.app.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query } });
  const toggledEvents = async (tenantId: string) => {
    const { rows } = await p.database.db.query<{ envelope: { payload: { module: string; enabled: boolean; settingsChanged: boolean } } }>(
      "SELECT envelope FROM sys_events WHERE tenant_id = $1 AND type = 'tenancy.module.toggled' ORDER BY id",
      [tenantId],
    );
    // Only the fixture modules (turning a core module "on" is accepted and recorded too).
    return rows.map((r) => r.envelope.payload).filter((e) => e.module === 'docs' || e.module === 'wiki');
  };

  beforeAll(async () => {
    fixtures = createDocsModules();
    p = await createTestPlatform({ backend, modules: [fixtures.docs, fixtures.wiki] });
    a = await p.createTenant('tenant-a');
    b = await p.createTenant('tenant-b');
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
  });
  afterAll(() => p?.close());

  it('lists every module with its state for the tenant', async () => {
    const modules = await list(adminA);
    for (const slug of ['tenancy', 'auth', 'events', 'platform']) {
      expect(modules.get(slug), slug).toMatchObject({ slug, kind: 'core', enabled: true });
    }
    expect(modules.get('docs')).toEqual({
      slug: 'docs',
      name: 'Docs',
      description: 'Test fixture: documentation pages',
      version: '1.0.0',
      kind: 'optional',
      dependencies: [],
      enabled: true,
      settings: {},
      // The settings' JSON Schema, for forms built from it.
      settingsSchema: {
        type: 'object',
        properties: { pageSize: { type: 'integer', minimum: 1, maximum: 100 }, title: { type: 'string', maxLength: 50 } },
        required: ['pageSize'],
        additionalProperties: false,
      },
    });
    expect(modules.get('wiki')).toMatchObject({ kind: 'optional', dependencies: ['docs'], enabled: true });
  });

  it('refuses to disable a core module with 409 MODULE_CORE_CANNOT_BE_DISABLED', async () => {
    for (const slug of ['tenancy', 'auth', 'events', 'platform']) {
      expectProblem(await put(adminA, slug, { enabled: false }), 409, 'MODULE_CORE_CANNOT_BE_DISABLED');
    }
    expect((await list(adminA)).get('tenancy')?.enabled).toBe(true);
    // Turning a core module "on" again is harmless.
    expect((await put(adminA, 'tenancy', { enabled: true })).statusCode).toBe(200);
  });

  it('refuses to disable docs while wiki needs it (409 MODULE_HAS_DEPENDENTS)', async () => {
    const body = expectProblem(await put(adminA, 'docs', { enabled: false }), 409, 'MODULE_HAS_DEPENDENTS');
    expect(JSON.stringify(body)).toContain('wiki');
    expect((await list(adminA)).get('docs')?.enabled).toBe(true);
    expect(fixtures.calls).toEqual([]);
  });

  it('disables wiki then docs for tenant A only, running the hooks and publishing events', async () => {
    const wiki = await put(adminA, 'wiki', { enabled: false });
    expect(wiki.statusCode, wiki.body).toBe(200);
    expect(wiki.json<ModuleState>()).toMatchObject({ slug: 'wiki', enabled: false });
    const docs = await put(adminA, 'docs', { enabled: false });
    expect(docs.statusCode, docs.body).toBe(200);
    expect(docs.json<ModuleState>()).toMatchObject({ slug: 'docs', enabled: false });

    expect(fixtures.calls).toEqual([
      { hook: 'onDisable', module: 'wiki', tenantId: a.id },
      { hook: 'onDisable', module: 'docs', tenantId: a.id },
    ]);
    const inA = await list(adminA);
    expect([inA.get('docs')?.enabled, inA.get('wiki')?.enabled]).toEqual([false, false]);
    const inB = await list(adminB);
    expect([inB.get('docs')?.enabled, inB.get('wiki')?.enabled]).toEqual([true, true]);

    expect(await toggledEvents(a.id)).toEqual([
      { module: 'wiki', enabled: false, settingsChanged: false },
      { module: 'docs', enabled: false, settingsChanged: false },
    ]);
    expect(await toggledEvents(b.id)).toEqual([]);

    // Disabling again is accepted and runs no hook.
    expect((await put(adminA, 'docs', { enabled: false })).statusCode).toBe(200);
    expect(fixtures.calls).toHaveLength(2);
  });

  it('refuses to enable wiki while docs is disabled (409 MODULE_DEPENDENCY_DISABLED)', async () => {
    const body = expectProblem(await put(adminA, 'wiki', { enabled: true }), 409, 'MODULE_DEPENDENCY_DISABLED');
    expect(JSON.stringify(body)).toContain('docs');
    expect((await list(adminA)).get('wiki')?.enabled).toBe(false);
  });

  it("hides a disabled module's REST routes from that tenant only (404)", async () => {
    expectProblem(await ping(adminA), 404, 'ROUTE_NOT_FOUND');
    // Without a token too: a disabled module's route looks like no route at all.
    expectProblem(await ping({ 'x-tenant-id': a.id }), 404, 'ROUTE_NOT_FOUND');
    const inB = await ping(adminB);
    expect(inB.statusCode, inB.body).toBe(200);
    expect(inB.json()).toEqual({ pong: true, tenant: 'tenant-b' });
    expectProblem(await ping({ 'x-tenant-id': b.id }), 401, 'AUTH_REQUIRED');
  });

  it('answers the GraphQL field of a disabled module as absent for that tenant, with data for the others', async () => {
    const inA = await graphql(adminA, '{ docsPing }');
    expect(inA.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'GRAPHQL_FIELD_NOT_FOUND' } }] });
    const inB = await graphql(adminB, '{ docsPing }');
    expect(inB.statusCode, inB.body).toBe(200);
    expect(inB.json()).toEqual({ data: { docsPing: 'pong tenant-b' } });

    // Platform fields answer for A too, whose docs module is off.
    expect((await graphql(adminA, '{ modules { slug } }')).json()).toMatchObject({ data: { modules: expect.any(Array) } });
  });

  it('enables docs again: hook, event, routes back', async () => {
    const res = await put(adminA, 'docs', { enabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(fixtures.calls.at(-1)).toEqual({ hook: 'onEnable', module: 'docs', tenantId: a.id });
    expect((await toggledEvents(a.id)).at(-1)).toEqual({ module: 'docs', enabled: true, settingsChanged: false });
    expect((await ping(adminA)).statusCode).toBe(200);
    expect((await graphql(adminA, '{ docsPing }')).json()).toEqual({ data: { docsPing: 'pong tenant-a' } });
    expect((await put(adminA, 'wiki', { enabled: true })).statusCode).toBe(200);
    expect(fixtures.calls.at(-1)).toEqual({ hook: 'onEnable', module: 'wiki', tenantId: a.id });
  });

  it('validates settings against the module schema (422 MODULE_SETTINGS_INVALID) and stores valid ones', async () => {
    const before = fixtures.calls.length;
    for (const settings of [
      { pageSize: 0 },
      { pageSize: 101 },
      { pageSize: 'ten' },
      { pageSize: 1.5 },
      {},
      { pageSize: 10, extra: true },
    ]) {
      const body = expectProblem(await put(adminA, 'docs', { enabled: true, settings }), 422, 'MODULE_SETTINGS_INVALID');
      expect(body.errors?.length, JSON.stringify(settings)).toBeGreaterThan(0);
      for (const error of body.errors ?? []) expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
    }
    const tooSmall = expectProblem(await put(adminA, 'docs', { enabled: true, settings: { pageSize: 0 } }), 422, 'MODULE_SETTINGS_INVALID');
    expect(tooSmall.errors?.map((e) => e.path).join(' ')).toContain('pageSize');
    // A refused change changes nothing: no hook, no event, same settings.
    expect(fixtures.calls.length).toBe(before);
    expect((await toggledEvents(a.id)).filter((e) => e.settingsChanged)).toEqual([]);

    const ok = await put(adminA, 'docs', { enabled: true, settings: { pageSize: 25, title: 'Handbook' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ModuleState>().settings).toEqual({ pageSize: 25, title: 'Handbook' });
    expect((await list(adminA)).get('docs')?.settings).toEqual({ pageSize: 25, title: 'Handbook' });
    expect((await list(adminB)).get('docs')?.settings).toEqual({});
    expect((await toggledEvents(a.id)).at(-1)).toEqual({ module: 'docs', enabled: true, settingsChanged: true });
    // Toggling without settings keeps them.
    expect((await put(adminA, 'wiki', { enabled: false })).statusCode).toBe(200);
    expect((await put(adminA, 'docs', { enabled: false })).json<ModuleState>().settings).toEqual({ pageSize: 25, title: 'Handbook' });
    expect((await put(adminA, 'docs', { enabled: true })).statusCode).toBe(200);
    expect((await list(adminA)).get('docs')?.settings).toEqual({ pageSize: 25, title: 'Handbook' });
  });

  it('answers 404 for an unknown module and 422 for a bad body', async () => {
    expectProblem(await put(adminA, 'nosuchmodule', { enabled: true }), 404, 'MODULE_NOT_FOUND');
    expectProblem(await put(adminA, 'docs', {}), 422, 'VALIDATION_FAILED');
    expectProblem(await put(adminA, 'docs', { enabled: 'yes please' }), 422, 'VALIDATION_FAILED');
  });

  it('lets an editor read but not change modules (403), and refuses anonymous callers (401)', async () => {
    const editor = (await p.userWithToken(a.id, ['editor'])).headers;
    expect((await list(editor)).get('docs')?.enabled).toBe(true);
    expectProblem(await put(editor, 'docs', { enabled: false }), 403, 'AUTH_FORBIDDEN');
    const customer = (await p.userWithToken(a.id, ['customer'])).headers;
    expectProblem(await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: customer }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await put(customer, 'docs', { enabled: false }), 403, 'AUTH_FORBIDDEN');
    const anonymous = { 'x-tenant-id': a.id };
    expectProblem(await p.app.inject({ method: 'GET', url: '/api/v1/modules', headers: anonymous }), 401, 'AUTH_REQUIRED');
    expectProblem(await put(anonymous, 'docs', { enabled: false }), 401, 'AUTH_REQUIRED');
    expect((await list(adminA)).get('docs')?.enabled).toBe(true);
  });
});
