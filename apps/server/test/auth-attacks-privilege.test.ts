import { generateId, type TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  expectGraphQLRefused,
  expectProblem,
  type Method,
  PASSWORD,
  type Session,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 3: privilege escalation. Customers, editors and managers calling
 * administration; a tenant's administrator reaching for the platform (super_admin, tenants,
 * tenant switch); self-promotion; custom roles reaching for the platform; mass assignment on
 * registration. Other tenants' objects by id and revoked users: auth-attacks-tenants.test.ts.
 */

const FORBIDDEN = 'AUTH_FORBIDDEN';

interface Ctx {
  kit: AttackKit;
  a: TenantRef;
  b: TenantRef;
  customer: Session;
  editor: Session;
  manager: Session;
  admin: Session;
}

type Rest = { method: Method; url: (c: Ctx) => string; body?: (c: Ctx) => unknown };
const rest = (method: Method, url: string | ((c: Ctx) => string), body?: (c: Ctx) => unknown): Rest => ({
  method,
  url: typeof url === 'string' ? () => url : url,
  ...(body ? { body } : {}),
});

const ADMIN_ROUTES: [string, Rest][] = [
  ['list users', rest('GET', '/api/v1/auth/users')],
  ['read a user', rest('GET', (c) => `/api/v1/auth/users/${c.admin.userId}`)],
  [
    'create an admin user',
    rest('POST', '/api/v1/auth/users', () => ({ email: uniqueEmail('evil'), password: 'pw pw pw pw 42', roles: ['admin'] })),
  ],
  [
    'give themselves admin',
    rest(
      'PUT',
      (c) => `/api/v1/auth/users/${c.customer.userId}/roles`,
      () => ({ roles: ['admin'] }),
    ),
  ],
  [
    'disable the admin',
    rest(
      'PATCH',
      (c) => `/api/v1/auth/users/${c.admin.userId}`,
      () => ({ status: 'disabled' }),
    ),
  ],
  [
    'reset the admin password',
    rest(
      'POST',
      (c) => `/api/v1/auth/users/${c.admin.userId}/password-reset`,
      () => ({}),
    ),
  ],
  ['create a role', rest('PUT', '/api/v1/auth/roles/sneaky', () => ({ permissions: ['auth.users.manage'] }))],
  ['delete a role', rest('DELETE', '/api/v1/auth/roles/sneaky')],
  ['list platform tenants', rest('GET', '/api/v1/platform/tenants')],
  [
    'create a platform tenant',
    rest('POST', '/api/v1/platform/tenants', () => ({
      name: 'Evil',
      slug: 'evil-co',
      owner: { email: 'e@example.com', password: 'pw pw pw pw 42' },
    })),
  ],
  [
    'switch into tenant B',
    rest(
      'POST',
      (c) => `/api/v1/platform/tenants/${c.b.id}/switch`,
      () => ({ reason: 'curious' }),
    ),
  ],
  ['read event stats', rest('GET', '/api/v1/admin/events/stats')],
  ['switch a module off', rest('PUT', '/api/v1/modules/blog', () => ({ enabled: false }))],
];

const ADMIN_FIELDS: [string, string, (c: Ctx) => Record<string, unknown>][] = [
  ['users', '{ users { items { id email } } }', () => ({})],
  ['user', 'query ($id: ID!) { user(id: $id) { id } }', (c) => ({ id: c.admin.userId })],
  [
    'createUser',
    'mutation ($e: String!) { createUser(input: { email: $e, password: "pw pw pw pw 42", roles: ["admin"] }) { id } }',
    () => ({ e: uniqueEmail('g') }),
  ],
  ['setUserRoles', 'mutation ($id: ID!) { setUserRoles(id: $id, roles: ["admin"]) { id } }', (c) => ({ id: c.customer.userId })],
  ['updateUser', 'mutation ($id: ID!) { updateUser(id: $id, status: disabled) { id } }', (c) => ({ id: c.admin.userId })],
  ['putRole', 'mutation { putRole(name: "sneaky", permissions: ["auth.users.manage"]) { name } }', () => ({})],
  ['tenants', '{ tenants { items { id } } }', () => ({})],
  [
    'createTenant',
    'mutation { createTenant(input: { name: "Evil", slug: "evil-gql", owner: { email: "e@example.com", password: "pw pw pw pw 42" } }) { tenant { id } } }',
    () => ({}),
  ],
  ['switchTenant', 'mutation ($t: ID!) { switchTenant(tenantId: $t, reason: "curious") { accessToken } }', (c) => ({ t: c.b.id })],
  ['eventStats', '{ eventStats { backlog } }', () => ({})],
];

/** Who may not do what: every role below admin over the admin surface, the admin over the platform's. */
const callers: { who: 'customer' | 'editor' | 'manager' | 'admin'; routes: string[] }[] = [
  { who: 'customer', routes: ADMIN_ROUTES.map(([name]) => name) },
  // Editors read everything of their tenant (`*.*.read`), users included, and change none of it.
  { who: 'editor', routes: ADMIN_ROUTES.map(([name]) => name).filter((name) => !['list users', 'read a user'].includes(name)) },
  {
    who: 'manager',
    routes: [
      'create an admin user',
      'give themselves admin',
      'disable the admin',
      'create a role',
      'list platform tenants',
      'create a platform tenant',
      'switch into tenant B',
      'switch a module off',
    ],
  },
  { who: 'admin', routes: ['list platform tenants', 'create a platform tenant', 'switch into tenant B', 'read event stats'] },
];
const restCases = callers.flatMap(({ who, routes }) => routes.map((route) => ({ who, route })));
const gqlCases = [
  ...ADMIN_FIELDS.map(([field]) => ({ who: 'customer', field })),
  ...ADMIN_FIELDS.filter(([field]) => !['users', 'user'].includes(field)).map(([field]) => ({ who: 'editor', field })),
  ...['tenants', 'createTenant', 'switchTenant', 'eventStats'].map((field) => ({ who: 'admin', field })),
] as { who: 'customer' | 'editor' | 'admin'; field: string }[];

describeEachBackend('auth attacks: privilege escalation', (backend) => {
  let c: Ctx;

  beforeAll(async () => {
    const kit = await attackPlatform(backend, { auth: { ip_attempts_per_minute: 10_000 } });
    const a = await kit.p.createTenant('priv-a');
    const b = await kit.p.createTenant('priv-b');
    const [customer, editor, manager, admin] = [
      await kit.session(a, ['customer']),
      await kit.session(a, ['editor']),
      await kit.session(a, ['manager']),
      await kit.session(a, ['admin']),
    ] as Session[];
    c = { kit, a, b, customer, editor, manager, admin } as Ctx;
  });
  afterAll(() => c?.kit.p.close());

  it.each(restCases)('a $who cannot $route over REST (403 AUTH_FORBIDDEN)', async ({ who, route }) => {
    const found = ADMIN_ROUTES.find(([name]) => name === route);
    if (!found) throw new Error(`no route ${route}`);
    const r = found[1];
    expectProblem(await c.kit.call(r.method, r.url(c), c[who].headers, r.body?.(c)), 403, FORBIDDEN);
  });

  it.each(gqlCases)('a $who cannot use the GraphQL field $field (AUTH_FORBIDDEN)', async ({ who, field }) => {
    const found = ADMIN_FIELDS.find(([name]) => name === field);
    if (!found) throw new Error(`no field ${field}`);
    expectGraphQLRefused(await c.kit.gql(c[who].headers, found[1], found[2](c)), FORBIDDEN, field);
  });

  it('a tenant admin cannot grant super_admin over REST or GraphQL (403 AUTH_ROLE_NOT_GRANTABLE)', async () => {
    const res = await c.kit.call('PUT', `/api/v1/auth/users/${c.customer.userId}/roles`, c.admin.headers, { roles: ['super_admin'] });
    expectProblem(res, 403, 'AUTH_ROLE_NOT_GRANTABLE');
    const q = 'mutation ($id: ID!) { setUserRoles(id: $id, roles: ["customer", "super_admin"]) { id } }';
    expectGraphQLRefused(await c.kit.gql(c.admin.headers, q, { id: c.customer.userId }), 'AUTH_ROLE_NOT_GRANTABLE', 'setUserRoles');
  });

  it('a tenant admin cannot promote themselves to super_admin', async () => {
    const res = await c.kit.call('PUT', `/api/v1/auth/users/${c.admin.userId}/roles`, c.admin.headers, { roles: ['admin', 'super_admin'] });
    expectProblem(res, 403, 'AUTH_ROLE_NOT_GRANTABLE');
  });

  it('a tenant admin cannot create a super_admin user over REST or GraphQL', async () => {
    const body = { email: uniqueEmail('root'), password: 'pw pw pw pw 42', roles: ['super_admin'] };
    expectProblem(await c.kit.call('POST', '/api/v1/auth/users', c.admin.headers, body), 403, 'AUTH_ROLE_NOT_GRANTABLE');
    const q = 'mutation ($e: String!) { createUser(input: { email: $e, password: "pw pw pw pw 42", roles: ["super_admin"] }) { id } }';
    expectGraphQLRefused(await c.kit.gql(c.admin.headers, q, { e: uniqueEmail('root') }), 'AUTH_ROLE_NOT_GRANTABLE', 'createUser');
  });

  it.each([
    { name: 'platform.tenants.manage', permissions: ['platform.tenants.manage'] },
    { name: 'wildcards *.*.*', permissions: ['*.*.*'] },
  ])('a tenant role with $name gives no platform access', async ({ permissions }) => {
    const role = `sneaky_${generateId().slice(-6)}`;
    expect((await c.kit.call('PUT', `/api/v1/auth/roles/${role}`, c.admin.headers, { permissions })).statusCode).toBeLessThan(300);
    const user = await c.kit.session(c.a, [role]);
    expectProblem(await c.kit.call('GET', '/api/v1/platform/tenants', user.headers), 403, FORBIDDEN);
    expectProblem(await c.kit.call('POST', `/api/v1/platform/tenants/${c.b.id}/switch`, user.headers, { reason: 'x' }), 403, FORBIDDEN);
  });

  it.each(['super_admin', 'admin'])('a tenant role cannot be named like the built-in %s (409 AUTH_ROLE_BUILT_IN)', async (name) => {
    expectProblem(
      await c.kit.call('PUT', `/api/v1/auth/roles/${name}`, c.admin.headers, { permissions: ['platform.tenants.manage'] }),
      409,
      'AUTH_ROLE_BUILT_IN',
    );
  });

  it.each([
    { field: 'roles', value: ['super_admin'] },
    { field: 'status', value: 'active' },
    { field: 'tenantId', value: '00000000-0000-7000-8000-000000000000' },
    { field: 'emailVerified', value: true },
    { field: 'id', value: '00000000-0000-7000-8000-000000000001' },
    { field: 'permissions', value: ['*'] },
  ])('registration refuses the extra field $field (422) and creates no account', async ({ field, value }) => {
    const email = uniqueEmail('mass');
    const res = await c.kit.call(
      'POST',
      '/api/v1/auth/register',
      { 'x-tenant-id': c.a.slug },
      { email, password: PASSWORD, [field]: value },
    );
    expectProblem(res, 422, 'VALIDATION_FAILED');
    expectProblem(await c.kit.login(c.a.slug, email), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('GraphQL createUser input refuses an unknown field (no tenantId smuggling)', async () => {
    const q = `mutation ($t: String!) { createUser(input: { email: "x@example.com", password: "pw pw pw pw 42", roles: ["customer"], tenantId: $t }) { id } }`;
    const body = (await c.kit.gql(c.admin.headers, q, { t: c.b.id })).json<{ data?: unknown; errors?: unknown[] }>();
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.data ?? null).toBeNull();
  });
});
