import { contentModule } from '@rustok/content';
import { indexModule } from '@rustok/index';
import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failingBilling } from './fixtures/billing-module.js';
import { createDocsModules } from './fixtures/docs-modules.js';
import { adminGraphQL, bearer, type Headers, type Page } from './fixtures/graphql-admin.js';

/** A GraphQL-only administrator operates the deployment: modules and settings, events, the index; and who may not. */

const billing = failingBilling();

const MODULE = 'slug enabled settings';
const SET_MODULE = `mutation ($slug: String!, $enabled: Boolean!, $settings: JSON) {
  setTenantModule(slug: $slug, enabled: $enabled, settings: $settings) { ${MODULE} } }`;

describeEachBackend('GraphQL administration: modules, events, index', (backend) => {
  let p: TestPlatform;
  let root: TenantRef;
  let platformAdmin: Headers;
  let deadEventId: string;
  const { gql, data, codes, statusOf, signInPlatformAdmin } = adminGraphQL(() => p);
  const fixtures = createDocsModules();

  beforeAll(async () => {
    billing.breakAgain();
    p = await createTestPlatform({
      backend,
      modules: [contentModule, indexModule, fixtures.docs, fixtures.wiki, billing.module],
      config: { settings: { rustok: { events: { max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 2, relay_poll_ms: 50 } } } },
    });
    ({ root, headers: platformAdmin } = await signInPlatformAdmin());
    const event = await p.database.db.transaction((tx) =>
      p.bus.publishInTx(tx, { type: 'billing.invoice.issued', tenantId: root.id, payload: { invoiceId: generateId() } }),
    );
    deadEventId = event.id;
  });
  afterAll(() => p?.close());

  it("switches the tenant's modules with settings, with the REST API's 409 and 422 codes", async () => {
    const tenant = await p.createTenant(`gql-mods-${generateId().slice(-6).toLowerCase()}`);
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const list = async () =>
      new Map(
        (
          await data<{ slug: string; enabled: boolean; settings: unknown }[]>(
            'tenantModules',
            admin,
            `{ tenantModules { ${MODULE} kind } }`,
          )
        ).map((m) => [m.slug, m]),
      );
    expect((await list()).get('docs')).toEqual({ slug: 'docs', enabled: true, settings: {}, kind: 'optional' });
    expect(await data('setTenantModule', admin, SET_MODULE, { slug: 'docs', enabled: true, settings: { pageSize: 10 } })).toEqual({
      slug: 'docs',
      enabled: true,
      settings: { pageSize: 10 },
    });
    expect((await list()).get('docs')?.settings).toEqual({ pageSize: 10 });
    const schemas = await data<{ slug: string; settingsSchema: { required?: string[] } | null }[]>(
      'tenantModules',
      admin,
      '{ tenantModules { slug settingsSchema } }',
    );
    expect(schemas.find((m) => m.slug === 'docs')?.settingsSchema?.required).toEqual(['pageSize']);
    expect(schemas.find((m) => m.slug === 'tenancy')?.settingsSchema).toBeNull();

    const invalid = await gql(admin, SET_MODULE, { slug: 'docs', enabled: true, settings: { pageSize: 0 } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({
      code: 'MODULE_SETTINGS_INVALID',
      status: 422,
      errors: [{ path: '/pageSize' }],
    });
    expect(await codes(admin, SET_MODULE, { slug: 'docs', enabled: true, settings: 'not an object' })).toEqual(['VALIDATION_FAILED']);
    expect(await codes(admin, SET_MODULE, { slug: 'docs', enabled: false })).toEqual(['MODULE_HAS_DEPENDENTS']);
    expect(await statusOf(admin, SET_MODULE, { slug: 'docs', enabled: false })).toEqual([409]);
    expect(await codes(admin, SET_MODULE, { slug: 'content', enabled: false })).toEqual(['MODULE_CORE_CANNOT_BE_DISABLED']);
    expect(await codes(admin, SET_MODULE, { slug: 'nothing_here', enabled: true })).toEqual(['MODULE_NOT_FOUND']);
    expect(await codes(admin, SET_MODULE, { slug: 'Bad Slug!', enabled: true })).toEqual(['VALIDATION_FAILED']);

    expect(await data('setTenantModule', admin, SET_MODULE, { slug: 'wiki', enabled: false })).toMatchObject({ enabled: false });
    expect(await data('setTenantModule', admin, SET_MODULE, { slug: 'docs', enabled: false })).toMatchObject({
      enabled: false,
      settings: { pageSize: 10 },
    });
    expect(await codes(admin, SET_MODULE, { slug: 'wiki', enabled: true })).toEqual(['MODULE_DEPENDENCY_DISABLED']);
    // The module's own fields are gone for this tenant, as its REST routes are.
    expect(await codes(admin, 'mutation { docsTouch }')).toEqual(['GRAPHQL_FIELD_NOT_FOUND']);
    expect(await data('setTenantModule', admin, SET_MODULE, { slug: 'docs', enabled: true })).toMatchObject({ enabled: true });
    expect(await data('docsTouch', admin, 'mutation { docsTouch }')).toBe(true);
  });

  it('reads event stats and dead letters and replays one', async () => {
    const deadline = Date.now() + 10_000;
    while ((await p.bus.stats()).deadLetters === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const stats = await data<{ deadLetters: number; byType: { type: string; dead: number }[] }>(
      'eventStats',
      platformAdmin,
      '{ eventStats { transport reliabilityLevel backlog oldestPendingAgeSeconds deadLetters byType { type published dead } } }',
    );
    expect(stats.deadLetters).toBe(1);
    expect(stats.byType.find((t) => t.type === 'billing.invoice.issued')).toEqual({
      type: 'billing.invoice.issued',
      published: 1,
      dead: 1,
    });

    const dlq = await data<Page<{ id: string; failedConsumers: string[]; lastError: string }>>(
      'eventDeadLetters',
      platformAdmin,
      '{ eventDeadLetters(first: 5) { items { id tenantId type attempts lastError failedConsumers deadAt envelope } nextCursor } }',
    );
    expect(dlq.items).toMatchObject([
      { id: deadEventId, failedConsumers: ['billing.mailer'], lastError: expect.stringContaining('smtp down') },
    ]);
    expect(dlq.nextCursor).toBeNull();

    const replay = 'mutation ($id: ID!) { replayEventDeadLetter(id: $id) { id type replayed } }';
    expect(await codes(platformAdmin, replay, { id: deadEventId })).toEqual(['EVENTS_REPLAY_FAILED']);
    billing.fix();
    expect(await data('replayEventDeadLetter', platformAdmin, replay, { id: deadEventId })).toEqual({
      id: deadEventId,
      type: 'billing.invoice.issued',
      replayed: true,
    });
    expect(await codes(platformAdmin, replay, { id: deadEventId })).toEqual(['EVENTS_DEAD_LETTER_NOT_FOUND']);
    expect(await codes(platformAdmin, replay, { id: 'not-an-id' })).toEqual(['ID_INVALID']);
  });

  it("reads the tenant's index status and triggers a rebuild that the index carries out", async () => {
    const tenant = await p.createTenant(`gql-index-${generateId().slice(-6).toLowerCase()}`);
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const status =
      '{ indexStatus { products { published tombstones lastIndexedAt } content { published lastIndexedAt } rebuilds { kind } } }';
    const publishedContent = async () => (await data<{ content: { published: number } }>('indexStatus', admin, status)).content.published;
    /** Every event of the tenant handled (the index consumers included). */
    const settled = async () => {
      const deadline = Date.now() + 10_000;
      const pending = async () =>
        (
          await p.database.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM sys_events WHERE tenant_id = $1 AND status = 'pending'",
            [tenant.id],
          )
        ).rows[0]?.n;
      while ((await pending()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await pending()).toBe(0);
    };
    expect(await data('indexStatus', admin, status)).toMatchObject({ products: { published: 0 }, content: { published: 0 }, rebuilds: [] });
    const node = await p.app.inject({
      method: 'POST',
      url: '/api/v1/content/nodes',
      headers: admin,
      payload: { kind: 'post', title: 'Harvest' },
    });
    expect(node.statusCode, node.body).toBe(201);
    const id = node.json<{ id: string }>().id;
    expect((await p.app.inject({ method: 'POST', url: `/api/v1/content/nodes/${id}/publish`, headers: admin })).statusCode).toBe(200);
    await settled();
    const rows = await publishedContent(); // one per locale of the tenant
    expect(rows).toBeGreaterThan(0);
    // The read model loses its rows behind the index's back; a rebuild brings them back from the write model.
    await p.database.db.transaction((tx) => tx.query('DELETE FROM index_content'), { tenantId: tenant.id });
    expect(await publishedContent()).toBe(0);
    const requested = await data<{ eventId: string; kinds: string[] }>(
      'requestIndexRebuild',
      admin,
      'mutation { requestIndexRebuild(kinds: [content]) { eventId kinds } }',
    );
    expect(requested.kinds).toEqual(['content']);
    await settled();
    expect(await publishedContent()).toBe(rows);
  });

  it('refuses every administrative field to callers without its permission, with coded errors and no data', async () => {
    const customer = (await p.userWithToken(root.id, ['customer'])).headers;
    const tenantAdmin = (await p.userWithToken(root.id, ['admin'])).headers;
    const id = generateId();
    const operations: [string, Record<string, unknown>?][] = [
      ['{ tenants { items { id } } }'],
      ['query ($id: ID!) { tenant(id: $id) { id } }', { id: root.id }],
      [
        'mutation ($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }',
        { i: { name: 'x', slug: 'never-made', owner: { email: 'x@example.com', password: 'pw pw pw pw 42' } } },
      ],
      ['mutation ($id: ID!) { updateTenant(id: $id, input: { isActive: false }) { id } }', { id: root.id }],
      ['{ eventStats { backlog } }'],
      ['{ eventDeadLetters { items { id } } }'],
      ['mutation ($id: ID!) { replayEventDeadLetter(id: $id) { id } }', { id }],
    ];
    const tenantOperations: [string, Record<string, unknown>?][] = [
      ['{ users { items { id } } }'],
      ['query ($id: ID!) { user(id: $id) { id } }', { id }],
      ['mutation { createUser(input: { email: "n@example.com", password: "pw pw pw pw 42", roles: ["admin"] }) { id } }'],
      ['mutation ($id: ID!) { setUserRoles(id: $id, roles: ["admin"]) { id } }', { id }],
      ['mutation ($id: ID!) { updateUser(id: $id, status: disabled) { id } }', { id }],
      ['{ roles { name } }'],
      ['mutation { putRole(name: "sneaky", permissions: ["*.*.*"]) { name } }'],
      ['mutation { deleteRole(name: "sneaky") }'],
      ['{ tenantModules { slug } }'],
      [SET_MODULE, { slug: 'docs', enabled: false }],
      ['{ indexStatus { products { published } } }'],
      ['mutation { requestIndexRebuild { eventId } }'],
    ];
    for (const [query, variables] of [...operations, ...tenantOperations]) {
      const reply = await gql(customer, query, variables);
      expect(
        reply.errors?.map((e) => e.extensions?.code),
        query,
      ).toEqual(['AUTH_FORBIDDEN']);
      expect(
        Object.values(reply.data ?? {}).filter((v) => v !== null),
        query,
      ).toEqual([]);
      const anonymous = await gql(bearer(root.slug), query, variables);
      expect(
        anonymous.errors?.map((e) => e.extensions?.code),
        query,
      ).toEqual(['AUTH_REQUIRED']);
    }
    // A tenant's administrator is no platform administrator.
    for (const [query, variables] of operations) expect(await codes(tenantAdmin, query, variables), query).toEqual(['AUTH_FORBIDDEN']);
    expect(await data('me', customer, '{ me { roles } }')).toEqual({ roles: ['customer'] });
  });
});
