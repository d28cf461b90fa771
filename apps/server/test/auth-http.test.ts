import { defineModule, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

interface Session {
  user: { id: string; tenantId: string; email: string; name: string | null; roles: string[]; status: string; emailVerified: boolean };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Test fixture: a GraphQL field that needs a permission no customer has. */
const vault = defineModule({
  slug: 'vault',
  name: 'Vault',
  description: 'Test fixture: a permission-guarded GraphQL field',
  version: '1.0.0',
  kind: 'optional',
  permissions: ['vault.secrets.manage'],
  graphql: (builder) => {
    builder.queryField('vaultSecret', (t) => t.string({ authScopes: { permission: 'vault.secrets.manage' }, resolve: () => 'opened' }));
    builder.mutationField('vaultLock', (t) => t.boolean({ authScopes: { permission: 'vault.secrets.manage' }, resolve: () => true }));
  },
});

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<{ code: string; status: number; title: string; detail: string; errors?: { path: string }[] }>();
  expect(body).toMatchObject({ status, code });
  return body;
};

const PASSWORD = 'a perfectly good password';

describeEachBackend('auth over HTTP', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;
  let b: TenantRef;
  let counter = 0;

  const post = (url: string, payload: Record<string, unknown>, tenant: string) =>
    p.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, headers: { 'x-tenant-id': tenant }, payload });
  const me = (headers: Headers) => p.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const bearer = (token: string, tenant: string): Headers => ({ authorization: `Bearer ${token}`, 'x-tenant-id': tenant });
  const graphql = (headers: Headers, query: string) => p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
  const newEmail = () => `user${++counter}@example.com`;
  const register = async (tenant = a.slug, email = newEmail()) => {
    const res = await post('register', { email, password: PASSWORD, name: 'Ann' }, tenant);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Session>();
  };

  beforeAll(async () => {
    p = await createTestPlatform({
      backend,
      modules: [vault],
      // Every inject comes from 127.0.0.1: the per-IP limit is lifted so that only the account lockout is tested.
      config: { auth: { lockout_threshold: 3, ip_attempts_per_minute: 10_000 } },
    });
    a = await p.createTenant('tenant-a');
    b = await p.createTenant('tenant-b');
  });
  afterAll(() => p?.close());

  it('registers a customer: 201 with user, tokens and expiry', async () => {
    const res = await post('register', { email: ' New.User@Example.com ', password: PASSWORD, name: 'New User' }, a.slug);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Session & { verificationRequired: boolean }>();
    expect(body).toMatchObject({
      user: { tenantId: a.id, email: 'new.user@example.com', name: 'New User', roles: ['customer'], status: 'active' },
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresIn: p.config.auth.access_ttl_seconds,
      verificationRequired: false,
    });
    expect(res.body).not.toMatch(/password/i);
    expect((await me(bearer(body.accessToken, a.slug))).statusCode).toBe(200);

    expectProblem(await post('register', { email: 'new.user@example.com', password: PASSWORD }, a.slug), 409, 'AUTH_EMAIL_TAKEN');
    // The same address is free in another tenant.
    expect((await post('register', { email: 'new.user@example.com', password: PASSWORD }, b.slug)).statusCode).toBe(201);
    const bad = expectProblem(await post('register', { email: 'nope', password: 'x' }, a.slug), 422, 'VALIDATION_FAILED');
    expect(bad.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['/email', '/password']));
  });

  it('logs in (200), and answers a wrong password and an unknown address alike (401 AUTH_INVALID_CREDENTIALS)', async () => {
    const email = newEmail();
    const registered = await register(a.slug, email);
    const ok = await post('login', { email: email.toUpperCase(), password: PASSWORD }, a.slug);
    expect(ok.statusCode, ok.body).toBe(200);
    const session = ok.json<Session>();
    expect(session).toMatchObject({ user: { id: registered.user.id, email }, expiresIn: p.config.auth.access_ttl_seconds });
    expect(session.refreshToken).not.toBe(registered.refreshToken);

    const wrong = expectProblem(await post('login', { email, password: 'not the password' }, a.slug), 401, 'AUTH_INVALID_CREDENTIALS');
    const unknown = expectProblem(
      await post('login', { email: 'nobody@example.com', password: PASSWORD }, a.slug),
      401,
      'AUTH_INVALID_CREDENTIALS',
    );
    expect({ ...unknown, instance: undefined }).toEqual({ ...wrong, instance: undefined });
    // The account does not exist in tenant B.
    expectProblem(await post('login', { email, password: PASSWORD }, b.slug), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('answers /auth/me with roles and effective permissions', async () => {
    const customer = await register();
    const res = await me(bearer(customer.accessToken, a.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ id: string; roles: string[]; permissions: string[] }>();
    expect(body).toMatchObject({ id: customer.user.id, email: customer.user.email, roles: ['customer'] });
    expect(body.permissions).not.toContain('vault.secrets.manage');
    expect(body.permissions).not.toContain('tenancy.modules.manage');

    const admin = await p.userWithToken(a.id, ['admin']);
    const adminMe = (await me(admin.headers)).json<{ id: string; roles: string[]; permissions: string[] }>();
    expect(adminMe).toMatchObject({ id: admin.userId, roles: ['admin'] });
    expect(adminMe.permissions).toEqual(expect.arrayContaining(['tenancy.modules.manage', 'vault.secrets.manage']));
    expect(adminMe.permissions).not.toContain('platform.tenants.manage');
    expect([...adminMe.permissions].sort()).toEqual(adminMe.permissions);

    expectProblem(await me({ 'x-tenant-id': a.id }), 401, 'AUTH_REQUIRED');
  });

  it('rotates refresh tokens, and a reused one revokes its whole family', async () => {
    const first = await register();
    const second = await post('refresh', { refreshToken: first.refreshToken }, a.slug);
    expect(second.statusCode, second.body).toBe(200);
    const pair2 = second.json<Session>();
    expect(pair2.refreshToken).not.toBe(first.refreshToken);
    expect(pair2.user.id).toBe(first.user.id);
    expect((await me(bearer(pair2.accessToken, a.slug))).statusCode).toBe(200);

    const third = await post('refresh', { refreshToken: pair2.refreshToken }, a.slug);
    expect(third.statusCode).toBe(200);
    const newest = third.json<Session>();

    // The first token again: stolen, or a race. 401, and the newest token of the family is dead too.
    expectProblem(await post('refresh', { refreshToken: first.refreshToken }, a.slug), 401, 'AUTH_REFRESH_REUSED');
    expectProblem(await post('refresh', { refreshToken: newest.refreshToken }, a.slug), 401, 'AUTH_REFRESH_INVALID');
    // Other sessions of the user (another family) live on.
    const other = await post('login', { email: first.user.email, password: PASSWORD }, a.slug);
    const otherRefresh = await post('refresh', { refreshToken: other.json<Session>().refreshToken }, a.slug);
    expect(otherRefresh.statusCode).toBe(200);

    expectProblem(await post('refresh', { refreshToken: 'x'.repeat(43) }, a.slug), 401, 'AUTH_REFRESH_INVALID');
    expectProblem(await post('refresh', { refreshToken: 'short' }, a.slug), 401, 'AUTH_REFRESH_INVALID');
    // A refresh token is only good in its own tenant.
    const fresh = await register();
    expectProblem(await post('refresh', { refreshToken: fresh.refreshToken }, b.slug), 401, 'AUTH_REFRESH_INVALID');
    expect((await post('refresh', { refreshToken: fresh.refreshToken }, a.slug)).statusCode).toBe(200);
  });

  it('logs out (204) and the refresh token is dead afterwards', async () => {
    const session = await register();
    const out = await post('logout', { refreshToken: session.refreshToken }, a.slug);
    expect(out.statusCode, out.body).toBe(204);
    expect(out.body).toBe('');
    expectProblem(await post('refresh', { refreshToken: session.refreshToken }, a.slug), 401, 'AUTH_REFRESH_INVALID');
    // Idempotent.
    expect((await post('logout', { refreshToken: session.refreshToken }, a.slug)).statusCode).toBe(204);
    expect((await post('logout', { refreshToken: 'y'.repeat(43) }, a.slug)).statusCode).toBe(204);
  });

  it('locks an account after lockout_threshold (3) failures: 429 even with the right password', async () => {
    const email = newEmail();
    await register(a.slug, email);
    await register(b.slug, email);
    for (let i = 0; i < 3; i++) {
      expectProblem(await post('login', { email, password: `wrong ${i}` }, a.slug), 401, 'AUTH_INVALID_CREDENTIALS');
    }
    const locked = expectProblem(await post('login', { email, password: PASSWORD }, a.slug), 429, 'AUTH_ACCOUNT_LOCKED');
    expect(locked.detail).toBeTruthy();
    expectProblem(await post('login', { email, password: 'wrong again' }, a.slug), 429, 'AUTH_ACCOUNT_LOCKED');
    // Accounts are per tenant: the same address in tenant B is not locked.
    expect((await post('login', { email, password: PASSWORD }, b.slug)).statusCode).toBe(200);
  });

  it('forgets failures after a successful login', async () => {
    const email = newEmail();
    await register(a.slug, email);
    for (let i = 0; i < 2; i++) expect((await post('login', { email, password: 'wrong' }, a.slug)).statusCode).toBe(401);
    expect((await post('login', { email, password: PASSWORD }, a.slug)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await post('login', { email, password: 'wrong' }, a.slug)).statusCode).toBe(401);
    expect((await post('login', { email, password: PASSWORD }, a.slug)).statusCode).toBe(200);
  });

  it('refuses a token of tenant A presented for tenant B (401)', async () => {
    const session = await register(a.slug);
    expect((await me(bearer(session.accessToken, a.slug))).statusCode).toBe(200);
    expectProblem(await me(bearer(session.accessToken, b.slug)), 401, 'AUTH_TOKEN_INVALID');
    expectProblem(await me(bearer(session.accessToken, b.id)), 401, 'AUTH_TOKEN_INVALID');
    // Even on a public route, a foreign token is not silently ignored.
    // (GraphQL answers request-level failures in its own format, HTTP 200 with data null.)
    const gql = await graphql(bearer(session.accessToken, b.slug), '{ modules { slug } }');
    expect(gql.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'AUTH_TOKEN_INVALID', status: 401 } }] });
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const session = await register(a.slug);
    const [head, payload, signature] = session.accessToken.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['super_admin'] }),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const headers = [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer ',
      `Bearer ${session.accessToken} extra`,
      'Bearer not-a-jwt',
      'Bearer a.b.c',
      `Bearer ${head}.${forged}.${signature}`,
      `Bearer ${head}.${payload}.${flipped}`,
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      `Token ${session.accessToken}`,
      session.accessToken,
    ];
    for (const authorization of headers) {
      const res = await me({ authorization, 'x-tenant-id': a.slug });
      expect(res.statusCode, `${authorization}: ${res.body}`).toBe(401);
      expect(res.json<{ code: string }>().code).toMatch(/^AUTH_/);
    }
  });

  it('serves public GraphQL fields without a token, and refuses guarded ones (AUTH_REQUIRED / AUTH_FORBIDDEN)', async () => {
    const open = await graphql({ 'x-tenant-id': a.slug }, '{ modules { slug } }');
    expect(open.statusCode, open.body).toBe(200);
    const slugs = open.json<{ data: { modules: { slug: string }[] } }>().data.modules.map((m) => m.slug);
    expect(slugs).toEqual(expect.arrayContaining(['tenancy', 'auth', 'vault']));
    // Without any tenant header: the default tenant.
    expect((await graphql({}, '{ modules { slug } }')).statusCode).toBe(200);

    type GraphQLAnswer = { data: { vaultSecret: string | null } | null; errors?: { extensions: { code: string } }[] };
    const anonymous = (await graphql({ 'x-tenant-id': a.slug }, '{ vaultSecret }')).json<GraphQLAnswer>();
    expect(anonymous.data?.vaultSecret ?? null).toBeNull();
    expect(anonymous.errors?.map((e) => e.extensions.code)).toEqual(['AUTH_REQUIRED']);

    const customer = await register(a.slug);
    const forbidden = (await graphql(bearer(customer.accessToken, a.slug), '{ vaultSecret }')).json<GraphQLAnswer>();
    expect(forbidden.data?.vaultSecret ?? null).toBeNull();
    expect(forbidden.errors?.map((e) => e.extensions.code)).toEqual(['AUTH_FORBIDDEN']);
    const mutation = (await graphql(bearer(customer.accessToken, a.slug), 'mutation { vaultLock }')).json<{
      errors?: { extensions: { code: string } }[];
    }>();
    expect(mutation.errors?.map((e) => e.extensions.code)).toEqual(['AUTH_FORBIDDEN']);

    const admin = await p.userWithToken(a.id, ['admin']);
    expect((await graphql(admin.headers, '{ vaultSecret }')).json()).toEqual({ data: { vaultSecret: 'opened' } });
  });
});

describeEachBackend('registration switched off', (backend) => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: { settings: { rustok: { features: { registration_enabled: false } } } } });
  });
  afterAll(() => p?.close());

  it('answers 403 AUTH_REGISTRATION_DISABLED and creates no account', async () => {
    const email = 'closed@example.com';
    const res = await p.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: PASSWORD } });
    expectProblem(res, 403, 'AUTH_REGISTRATION_DISABLED');
    const login = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    expectProblem(login, 401, 'AUTH_INVALID_CREDENTIALS');
    // Administrators still create users, who can log in.
    const root = await p.defaultTenant();
    await p.userWithToken(root.id, ['customer'], 'made-by-admin@example.com');
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'made-by-admin@example.com', password: 'correct horse battery' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
