import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { indexModule } from '@rustok/index';
import type { TenantRef } from '@rustok/kernel';
import { mergeModuleLocales, moveModuleLocales } from '@rustok/tenancy';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Headers = Record<string, string>;

describeEachBackend('tenant-wide locales', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let adminA: Headers;
  let adminB: Headers;
  let editorA: Headers;
  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const { gql } = graphqlClient(() => p);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, commerceModule, indexModule] });
    a = await p.createTenant('locales-a');
    b = await p.createTenant('locales-b');
    adminA = (await p.userWithToken(a.id, ['admin'])).headers;
    adminB = (await p.userWithToken(b.id, ['admin'])).headers;
    editorA = (await p.userWithToken(a.id, ['editor'])).headers;
  });
  afterAll(async () => p?.close());

  const expectCode = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ code: string }>().code).toBe(code);
  };
  const node = (headers: Headers, locale: string) =>
    call('POST', '/content/nodes', headers, { kind: 'post', title: `Text ${locale}`, locale });
  const product = (headers: Headers, locale: string) =>
    call('POST', '/commerce/products', headers, {
      title: `Product ${locale}`,
      variants: [{ title: 'One', prices: [{ amount: 100, currencyCode: 'USD' }] }],
      translations: { [locale]: { title: `Produkt ${locale}` } },
    });

  it('starts from the deployment default, readable without a token', async () => {
    const res = await call('GET', '/settings/locales', { 'x-tenant-id': a.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
  });

  it('adding de for the tenant allows de in content and in commerce, for that tenant only', async () => {
    expectCode(await node(adminA, 'de'), 422, 'CONTENT_LOCALE_UNSUPPORTED');
    expectCode(await product(adminA, 'de'), 422, 'COMMERCE_LOCALE_UNSUPPORTED');

    const put = await call('PUT', '/settings/locales', adminA, { defaultLocale: 'en', supportedLocales: ['en', 'ru', 'de'] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru', 'de'] });

    expect((await node(adminA, 'de')).statusCode).toBe(201);
    const created = await product(adminA, 'de');
    expect(created.statusCode, created.body).toBe(201);
    const read = await call('GET', `/commerce/products/${created.json<{ id: string }>().id}?locale=de`, adminA);
    expect(read.json()).toMatchObject({ title: 'Produkt de' });

    // Not supported: still refused, coded, by both modules.
    expectCode(await node(adminA, 'fr'), 422, 'CONTENT_LOCALE_UNSUPPORTED');
    expectCode(await product(adminA, 'fr'), 422, 'COMMERCE_LOCALE_UNSUPPORTED');

    // The other tenant keeps its own locales.
    expect((await call('GET', '/settings/locales', { 'x-tenant-id': b.id })).json()).toEqual({
      defaultLocale: 'en',
      supportedLocales: ['en', 'ru'],
    });
    expectCode(await node(adminB, 'de'), 422, 'CONTENT_LOCALE_UNSUPPORTED');
    expectCode(await product(adminB, 'de'), 422, 'COMMERCE_LOCALE_UNSUPPORTED');
  });

  it('records the change as a tenant update event and moves the default locale of writes', async () => {
    const put = await call('PUT', '/settings/locales', adminB, { defaultLocale: 'de', supportedLocales: ['ru'] });
    expect(put.json()).toEqual({ defaultLocale: 'de', supportedLocales: ['de', 'ru'] });
    const written = await call('POST', '/content/nodes', adminB, { kind: 'post', title: 'Ohne Sprache' });
    expect(written.json()).toMatchObject({ locale: 'de' });
    const { rows } = await p.database.db.query<{ envelope: { payload: { changes: string[] } } }>(
      "SELECT envelope FROM sys_events WHERE type = 'tenancy.tenant.updated' AND tenant_id = $1",
      [b.id],
    );
    expect(rows.map((r) => r.envelope.payload.changes)).toContainEqual(['settings.locales']);
    await call('PUT', '/settings/locales', adminB, { defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
  });

  it('refuses malformed locales (422), callers without the permission (403), and locales in module settings', async () => {
    expectCode(
      await call('PUT', '/settings/locales', adminA, { defaultLocale: 'english', supportedLocales: ['en'] }),
      422,
      'VALIDATION_FAILED',
    );
    expectCode(await call('PUT', '/settings/locales', adminA, { defaultLocale: 'en', supportedLocales: [] }), 422, 'VALIDATION_FAILED');
    expectCode(await call('PUT', '/settings/locales', editorA, { defaultLocale: 'en', supportedLocales: ['en'] }), 403, 'AUTH_FORBIDDEN');
    expectCode(
      await call('PUT', '/modules/content', adminA, { enabled: true, settings: { supportedLocales: ['de'] } }),
      422,
      'MODULE_SETTINGS_INVALID',
    );
    expectCode(
      await call('PUT', '/modules/commerce', adminA, { enabled: true, settings: { defaultLocale: 'de' } }),
      422,
      'MODULE_SETTINGS_INVALID',
    );
  });

  it("moves locales from module settings to the tenant (the migration), keeping what is the module's own", async () => {
    const c = await p.createTenant('locales-c');
    const db = p.database.db;
    const moduleRows = [
      ['content', { supportedLocales: ['en', 'de'] }],
      ['commerce', { defaultLocale: 'ru', supportedLocales: ['ru', 'fr'], currencies: ['USD'] }],
    ] as const;
    await db.transaction(
      async (tx) => {
        for (const [module, settings] of moduleRows)
          await tx.query('INSERT INTO tenant_modules (tenant_id, module, enabled, settings) VALUES ($1, $2, true, $3)', [
            c.id,
            module,
            JSON.stringify(settings),
          ]);
      },
      { tenantId: c.id },
    );
    await db.transaction((tx) => moveModuleLocales(tx));
    expect((await call('GET', '/settings/locales', { 'x-tenant-id': c.id })).json()).toEqual({
      defaultLocale: 'ru',
      supportedLocales: ['en', 'de', 'ru', 'fr'],
    });
    const { rows } = await db.transaction(
      (tx) => tx.query<{ module: string; settings: unknown }>('SELECT module, settings FROM tenant_modules ORDER BY module'),
      { tenantId: c.id },
    );
    expect(rows).toEqual([
      { module: 'commerce', settings: { currencies: ['USD'] } },
      { module: 'content', settings: {} },
    ]);
    // Tenants with locales of their own are left as they are.
    expect((await call('GET', '/settings/locales', { 'x-tenant-id': a.id })).json()).toMatchObject({
      supportedLocales: ['en', 'ru', 'de'],
    });
  });

  it("rewrites the storefront index when the tenant's locales change", async () => {
    const d = await p.createTenant('locales-d');
    const adminD = (await p.userWithToken(d.id, ['admin'])).headers;
    const created = await call('POST', '/commerce/products', adminD, {
      title: 'Lamp',
      status: 'published',
      variants: [{ title: 'One', prices: [{ amount: 100, currencyCode: 'USD' }] }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const storefront = (locale: string) =>
      call('GET', `/store/products/${created.json<{ handle: string }>().handle}?locale=${locale}`, { 'x-tenant-id': d.id });
    const until = async (locale: string) => {
      const deadline = Date.now() + 15_000;
      while ((await storefront(locale)).statusCode !== 200) {
        if (Date.now() > deadline) throw new Error(`no ${locale} row in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await until('en');
    expect((await storefront('de')).statusCode).toBe(404);
    expect((await call('PUT', '/settings/locales', adminD, { defaultLocale: 'en', supportedLocales: ['en', 'de'] })).statusCode).toBe(200);
    await until('de');
    expect((await storefront('de')).json()).toMatchObject({ title: 'Lamp' });
  });

  it('reads and sets the locales over GraphQL', async () => {
    const read = await gql({ 'x-tenant-id': a.id }, '{ tenantLocales { defaultLocale supportedLocales } }');
    expect(read.data).toEqual({ tenantLocales: { defaultLocale: 'en', supportedLocales: ['en', 'ru', 'de'] } });
    const mutation =
      'mutation ($d: String!, $s: [String!]!) { setTenantLocales(defaultLocale: $d, supportedLocales: $s) { defaultLocale supportedLocales } }';
    const set = await gql(adminA, mutation, { d: 'ru', s: ['en', 'de'] });
    expect(set.data).toEqual({ setTenantLocales: { defaultLocale: 'ru', supportedLocales: ['ru', 'en', 'de'] } });
    expect((await call('GET', '/settings/locales', { 'x-tenant-id': a.id })).json()).toEqual({
      defaultLocale: 'ru',
      supportedLocales: ['ru', 'en', 'de'],
    });
    const bad = await gql(adminA, mutation, { d: 'x', s: ['en'] });
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['TENANT_LOCALES_INVALID']);
    const denied = await gql(editorA, mutation, { d: 'en', s: ['en'] });
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['AUTH_FORBIDDEN']);
  });
});

describe('mergeModuleLocales (moving per-module locales to the tenant)', () => {
  it('takes the first default and every locale a module accepted', () => {
    expect(mergeModuleLocales({}, [{ supportedLocales: ['en', 'de'] }, {}])).toEqual({
      defaultLocale: 'en',
      supportedLocales: ['en', 'de', 'ru'],
    });
    expect(mergeModuleLocales({}, [{}, { defaultLocale: 'ru', supportedLocales: ['ru'] }])).toEqual({
      defaultLocale: 'ru',
      supportedLocales: ['en', 'ru'],
    });
  });

  it('leaves a tenant that has its own locales, or where no module named any', () => {
    expect(mergeModuleLocales({ defaultLocale: 'de' }, [{ supportedLocales: ['fr'] }])).toBeUndefined();
    expect(mergeModuleLocales({}, [{}, { currencies: ['USD'] } as Record<string, unknown>])).toBeUndefined();
  });
});
