import { contentModule } from '@rustok/content';
import { indexModule } from '@rustok/index';
import { defineModule, generateId, Id, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDocsModules } from './fixtures/docs-modules.js';

/** A GraphQL-only administrator: every admin task of the REST API, over /graphql alone. */

let failing = true;
const billing = defineModule({
  slug: 'billing',
  name: 'Billing',
  description: 'Test fixture: a consumer that fails until it is fixed',
  version: '1.0.0',
  kind: 'optional',
  events: {
    emits: [{ type: 'billing.invoice.issued', schemaVersion: 1, payload: Type.Object({ invoiceId: Id() }) }],
    handles: [
      {
        consumer: 'billing.mailer',
        types: ['billing.invoice.issued'],
        handle: async () => {
          if (failing) throw new Error('smtp down');
        },
      },
    ],
  },
});

type Headers = Record<string, string>;
interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; tenantId: string; roles: string[] };
}
interface Tenant {
  id: string;
  slug: string;
  isActive: boolean;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PASSWORD = 'correct horse battery'; // the test kit's password
const SESSION = 'accessToken refreshToken expiresIn user { id tenantId email roles }';
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${SESSION} } }`;
const REFRESH = `mutation ($t: String!) { refresh(refreshToken: $t) { ${SESSION} } }`;
const MODULE = 'slug enabled settings';
const SET_MODULE = `mutation ($slug: String!, $enabled: Boolean!, $settings: JSON) {
  setTenantModule(slug: $slug, enabled: $enabled, settings: $settings) { ${MODULE} } }`;

describeEachBackend('GraphQL administration', (backend) => {
  let p: TestPlatform;
  let root: TenantRef;
  let rootEmail: string;
  let platformAdmin: Headers;
  let deadEventId: string;
  const { gql, data, codes } = graphqlClient(() => p);
  const fixtures = createDocsModules();

  const bearer = (tenant: string, token?: string): Headers => ({
    'x-tenant-id': tenant,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  const login = (tenant: string, email: string, password = PASSWORD) => data<Session>('login', bearer(tenant), LOGIN, { email, password });
  const statusOf = async (headers: Headers, query: string, variables?: Record<string, unknown>) =>
    (await gql(headers, query, variables)).errors?.map((e) => (e.extensions as { status?: number } | undefined)?.status);

  beforeAll(async () => {
    failing = true;
    p = await createTestPlatform({
      backend,
      modules: [contentModule, indexModule, fixtures.docs, fixtures.wiki, billing],
      config: { settings: { rustok: { events: { max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 2, relay_poll_ms: 50 } } } },
    });
    root = await p.defaultTenant();
    rootEmail = `root-${generateId().slice(-8)}@example.com`;
    await p.userWithToken(root.id, ['super_admin'], rootEmail);
    // Signed in over GraphQL only: the platform administrator of the default tenant.
    platformAdmin = bearer(root.slug, (await login(root.slug, rootEmail)).accessToken);
    const event = await p.database.db.transaction((tx) =>
      p.bus.publishInTx(tx, { type: 'billing.invoice.issued', tenantId: root.id, payload: { invoiceId: generateId() } }),
    );
    deadEventId = event.id;
  });
  afterAll(() => p?.close());

  it('signs in, reads me with roles and effective permissions, refreshes and logs out', async () => {
    const me = await data<{ id: string; roles: string[]; permissions: string[] }>(
      'me',
      platformAdmin,
      '{ me { id email roles permissions } }',
    );
    expect(me.roles).toEqual(['super_admin']);
    expect(me.permissions).toContain('*');
    expect(await codes(bearer(root.slug), '{ me { id } }')).toEqual(['AUTH_REQUIRED']);
    expect(await codes(bearer(root.slug), LOGIN, { email: rootEmail, password: 'wrong password' })).toEqual(['AUTH_INVALID_CREDENTIALS']);
    expect(await codes(bearer(root.slug), LOGIN, { email: 'x'.repeat(300), password: PASSWORD })).toEqual(['VALIDATION_FAILED']);

    const first = await login(root.slug, rootEmail);
    expect(first.user.roles).toEqual(['super_admin']);
    const second = await data<Session>('refresh', bearer(root.slug), REFRESH, { t: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await data<{ id: string }>('me', bearer(root.slug, second.accessToken), '{ me { id } }')).toEqual({ id: first.user.id });
    // The spent token again: the whole family goes, the newer token with it.
    expect(await codes(bearer(root.slug), REFRESH, { t: first.refreshToken })).toEqual(['AUTH_REFRESH_REUSED']);
    expect(await codes(bearer(root.slug), REFRESH, { t: second.refreshToken })).toEqual(['AUTH_REFRESH_INVALID']);

    const third = await login(root.slug, rootEmail);
    const logout = 'mutation ($t: String!) { logout(refreshToken: $t) }';
    expect(await data<boolean>('logout', bearer(root.slug), logout, { t: third.refreshToken })).toBe(true);
    expect(await codes(bearer(root.slug), REFRESH, { t: third.refreshToken })).toEqual(['AUTH_REFRESH_INVALID']);
  });

  it('counts GraphQL logins in the same per-IP and per-account budgets as REST logins', async () => {
    const remoteAddress = '10.20.30.40'; // a client of its own, so no other test's logins count
    const attempt = async (via: 'rest' | 'graphql', email: string) => {
      const payload = { email, password: 'wrong password' };
      const res =
        via === 'rest'
          ? await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: bearer(root.slug), remoteAddress, payload })
          : await p.app.inject({
              method: 'POST',
              url: '/graphql',
              headers: bearer(root.slug),
              remoteAddress,
              payload: { query: LOGIN, variables: payload },
            });
      const body = res.json<{ code?: string; errors?: { extensions?: { code?: string } }[] }>();
      return via === 'rest' ? body.code : body.errors?.[0]?.extensions?.code;
    };
    const perMinute = p.config.auth.ip_attempts_per_minute;
    for (let i = 0; i < perMinute; i++) {
      const code = await attempt(i % 2 === 0 ? 'rest' : 'graphql', `nobody-${i}@example.com`);
      expect(code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect(await attempt('graphql', 'nobody-else@example.com')).toBe('AUTH_RATE_LIMITED');
    expect(await attempt('rest', 'nobody-else@example.com')).toBe('AUTH_RATE_LIMITED');

    // One account, failed over GraphQL only, locks like over REST.
    const email = `locked-${generateId().slice(-8)}@example.com`;
    await p.userWithToken(root.id, ['customer'], email);
    for (let i = 0; i < p.config.auth.lockout_threshold; i++) {
      expect(await codes(bearer(root.slug), LOGIN, { email, password: 'wrong password' })).toEqual(['AUTH_INVALID_CREDENTIALS']);
    }
    expect(await codes(bearer(root.slug), LOGIN, { email, password: PASSWORD })).toEqual(['AUTH_ACCOUNT_LOCKED']);
  });

  it('lets the platform administrator list, create, read and deactivate tenants', async () => {
    const create = `mutation ($input: CreateTenantInput!) {
      createTenant(input: $input) { tenant { id slug name isActive } owner { id email roles tenantId } } }`;
    const slug = `gql-${generateId().slice(-6).toLowerCase()}`;
    const ownerEmail = `owner@${slug}.example.com`;
    const created = await data<{ tenant: Tenant; owner: { tenantId: string; roles: string[] } }>('createTenant', platformAdmin, create, {
      input: { name: 'GraphQL shop', slug, owner: { email: ownerEmail, password: 'owner password 42' } },
    });
    expect(created.tenant).toMatchObject({ slug, isActive: true });
    expect(created.owner).toMatchObject({ tenantId: created.tenant.id, roles: ['admin'] });
    expect(
      await codes(platformAdmin, create, { input: { name: 'x', slug, owner: { email: 'b@example.com', password: 'pw pw pw pw 42' } } }),
    ).toEqual(['TENANT_SLUG_TAKEN']);
    expect(
      await codes(platformAdmin, create, {
        input: { name: 'x', slug: 'admin', owner: { email: 'c@example.com', password: 'pw pw pw pw 42' } },
      }),
    ).toEqual(['TENANT_SLUG_RESERVED']);
    // The owner signs in to the new tenant at once.
    expect((await login(slug, ownerEmail, 'owner password 42')).user.roles).toEqual(['admin']);

    const list = 'query ($first: Int, $after: String) { tenants(first: $first, after: $after) { items { id slug } nextCursor } }';
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page<Tenant> = await data<Page<Tenant>>('tenants', platformAdmin, list, { first: 1, after });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((t) => t.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(expect.arrayContaining([root.id, created.tenant.id]));
    expect(new Set(seen).size).toBe(seen.length);
    expect(await codes(platformAdmin, list, { after: 'not-a-cursor' })).toEqual(['VALIDATION_FAILED']);
    expect(await codes(platformAdmin, list, { first: 101 })).toEqual(['VALIDATION_FAILED']);

    const one = 'query ($id: ID!) { tenant(id: $id) { id slug isActive } }';
    expect(await data<Tenant>('tenant', platformAdmin, one, { id: created.tenant.id })).toMatchObject({ slug });
    expect(await codes(platformAdmin, one, { id: generateId() })).toEqual(['TENANT_NOT_FOUND']);

    const update = 'mutation ($id: ID!, $input: UpdateTenantInput!) { updateTenant(id: $id, input: $input) { id isActive } }';
    expect(await data<Tenant>('updateTenant', platformAdmin, update, { id: created.tenant.id, input: { isActive: false } })).toEqual({
      id: created.tenant.id,
      isActive: false,
    });
    expect(await codes(bearer(slug), LOGIN, { email: ownerEmail, password: 'owner password 42' })).toEqual(['TENANT_INACTIVE']);
    expect(await codes(platformAdmin, update, { id: generateId(), input: { isActive: true } })).toEqual(['TENANT_NOT_FOUND']);
  });

  it("lets a tenant's administrator create and list users, assign roles, disable a user and manage roles", async () => {
    const tenant = await p.createTenant(`gql-users-${generateId().slice(-6).toLowerCase()}`);
    const adminEmail = `admin@${tenant.slug}.example.com`;
    await p.userWithToken(tenant.id, ['admin'], adminEmail);
    const admin = bearer(tenant.slug, (await login(tenant.slug, adminEmail)).accessToken);

    const create = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email roles status tenantId } }';
    const email = `editor@${tenant.slug}.example.com`;
    const user = await data<{ id: string; roles: string[] }>('createUser', admin, create, {
      input: { email, password: 'editor password 42', roles: ['editor'] },
    });
    expect(user).toMatchObject({ email, roles: ['editor'], status: 'active', tenantId: tenant.id });
    expect(await codes(admin, create, { input: { email, password: 'editor password 42', roles: ['editor'] } })).toEqual([
      'AUTH_EMAIL_TAKEN',
    ]);
    expect(await codes(admin, create, { input: { email: 'b@example.com', password: 'pw pw pw pw 42', roles: ['super_admin'] } })).toEqual([
      'AUTH_ROLE_NOT_GRANTABLE',
    ]);
    expect(await statusOf(admin, create, { input: { email: 'not-an-email', password: 'x', roles: ['Bad Role'] } })).toEqual([422]);

    const users = await data<Page<{ id: string }>>('users', admin, '{ users(first: 100) { items { id email } nextCursor } }');
    expect(users.items.map((u) => u.id)).toContain(user.id);
    expect(users.nextCursor).toBeNull();
    const one = 'query ($id: ID!) { user(id: $id) { id roles } }';
    expect(await data('user', admin, one, { id: user.id })).toEqual({ id: user.id, roles: ['editor'] });
    expect(await codes(admin, one, { id: generateId() })).toEqual(['AUTH_USER_NOT_FOUND']);

    const setRoles = 'mutation ($id: ID!, $roles: [String!]!) { setUserRoles(id: $id, roles: $roles) { id roles } }';
    expect(await data('setUserRoles', admin, setRoles, { id: user.id, roles: ['manager', 'editor'] })).toEqual({
      id: user.id,
      roles: ['editor', 'manager'],
    });
    expect(await codes(admin, setRoles, { id: user.id, roles: ['no_such_role'] })).toEqual(['VALIDATION_FAILED']);
    expect((await login(tenant.slug, email, 'editor password 42')).user.roles).toEqual(['editor', 'manager']);

    const putRole = 'mutation ($n: String!, $p: [String!]!) { putRole(name: $n, permissions: $p) { name builtIn permissions } }';
    expect(await data('putRole', admin, putRole, { n: 'support', p: ['auth.users.read'] })).toEqual({
      name: 'support',
      builtIn: false,
      permissions: ['auth.users.read'],
    });
    expect(await codes(admin, putRole, { n: 'admin', p: [] })).toEqual(['AUTH_ROLE_BUILT_IN']);
    expect(await codes(admin, putRole, { n: 'support', p: ['not a permission'] })).toEqual(['VALIDATION_FAILED']);
    const roles = await data<{ name: string }[]>('roles', admin, '{ roles { name builtIn } }');
    expect(roles.map((r) => r.name)).toEqual(expect.arrayContaining(['super_admin', 'admin', 'support']));
    const del = 'mutation ($n: String!) { deleteRole(name: $n) }';
    expect(await data('deleteRole', admin, del, { n: 'support' })).toBe(true);
    expect(await codes(admin, del, { n: 'support' })).toEqual(['AUTH_ROLE_NOT_FOUND']);

    const disable = 'mutation ($id: ID!, $s: AuthUserStatus!) { updateUser(id: $id, status: $s) { id status } }';
    expect(await data('updateUser', admin, disable, { id: user.id, s: 'disabled' })).toEqual({ id: user.id, status: 'disabled' });
    expect(await codes(bearer(tenant.slug), LOGIN, { email, password: 'editor password 42' })).toEqual(['AUTH_USER_DISABLED']);
  });

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
    failing = false;
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
