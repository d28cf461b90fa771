import type { TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  bearer,
  expectGraphQLRefused,
  expectProblem,
  type Headers,
  type Method,
  PASSWORD,
  type Session,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 3b: another tenant's users and roles by id (404, nothing changes), and the
 * revocation of a disabled or demoted user's tokens; the platform admin's own token in a tenant.
 */

interface Ctx {
  a: TenantRef;
  admin: Session;
  adminB: Session;
  victimB: Session;
}
type Rest = { method: Method; url: (c: Ctx) => string; body?: (c: Ctx) => unknown };
const rest = (method: Method, url: (c: Ctx) => string, body?: (c: Ctx) => unknown): Rest => ({ method, url, ...(body ? { body } : {}) });

describeEachBackend('auth attacks: other tenants by id, revoked users', (backend) => {
  let kit: AttackKit;
  let c: Ctx;

  beforeAll(async () => {
    kit = await attackPlatform(backend, { auth: { ip_attempts_per_minute: 10_000 } });
    const a = await kit.p.createTenant('idor-a');
    const b = await kit.p.createTenant('idor-b');
    c = { a, admin: await kit.session(a, ['admin']), adminB: await kit.session(b, ['admin']), victimB: await kit.session(b, ['customer']) };
  });
  afterAll(() => kit?.p.close());

  const idor: [string, Rest][] = [
    ['read', rest('GET', (c) => `/api/v1/auth/users/${c.victimB.userId}`)],
    [
      'change the roles of',
      rest(
        'PUT',
        (c) => `/api/v1/auth/users/${c.victimB.userId}/roles`,
        () => ({ roles: ['admin'] }),
      ),
    ],
    [
      'disable',
      rest(
        'PATCH',
        (c) => `/api/v1/auth/users/${c.victimB.userId}`,
        () => ({ status: 'disabled' }),
      ),
    ],
    [
      'mark verified',
      rest(
        'PATCH',
        (c) => `/api/v1/auth/users/${c.victimB.userId}`,
        () => ({ emailVerified: true }),
      ),
    ],
    [
      'reset the password of',
      rest(
        'POST',
        (c) => `/api/v1/auth/users/${c.victimB.userId}/password-reset`,
        () => ({}),
      ),
    ],
  ];

  it.each(idor.map(([name]) => name))("tenant A's admin cannot %s tenant B's user by id (404 AUTH_USER_NOT_FOUND)", async (name) => {
    const r = idor.find(([n]) => n === name)?.[1] as Rest;
    expectProblem(await kit.call(r.method, r.url(c), c.admin.headers, r.body?.(c)), 404, 'AUTH_USER_NOT_FOUND');
    expect((await kit.call('GET', '/api/v1/auth/me', c.victimB.headers)).json()).toMatchObject({ status: 'active', roles: ['customer'] });
  });

  it.each([
    ['user', 'query ($id: ID!) { user(id: $id) { id } }'],
    ['setUserRoles', 'mutation ($id: ID!) { setUserRoles(id: $id, roles: ["admin"]) { id } }'],
    ['updateUser', 'mutation ($id: ID!) { updateUser(id: $id, status: disabled) { id } }'],
  ])("tenant A's admin cannot reach tenant B's user through GraphQL %s (AUTH_USER_NOT_FOUND)", async (field, q) => {
    expectGraphQLRefused(await kit.gql(c.admin.headers, q, { id: c.victimB.userId }), 'AUTH_USER_NOT_FOUND', field);
  });

  it("tenant A's admin cannot delete or see tenant B's role", async () => {
    expect((await kit.call('PUT', '/api/v1/auth/roles/b_only', c.adminB.headers, { permissions: ['auth.users.read'] })).statusCode).toBe(
      200,
    );
    expectProblem(await kit.call('DELETE', '/api/v1/auth/roles/b_only', c.admin.headers), 404, 'AUTH_ROLE_NOT_FOUND');
    const roles = (await kit.call('GET', '/api/v1/auth/roles', c.admin.headers)).json<{ name: string }[]>();
    expect(roles.map((r) => r.name)).not.toContain('b_only');
  });

  it("a user id of tenant B in A's users list cursor reveals nothing of B", async () => {
    const res = await kit.call('GET', `/api/v1/auth/users?cursor=${c.victimB.userId}&limit=100`, c.admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(c.victimB.userId);
    expect(res.body).not.toContain(c.victimB.email);
  });

  it('a disabled user cannot log in (403 AUTH_USER_DISABLED) and a wrong password still reads as 401', async () => {
    const s = await kit.session(c.a, ['customer']);
    expect((await kit.call('PATCH', `/api/v1/auth/users/${s.userId}`, c.admin.headers, { status: 'disabled' })).statusCode).toBe(200);
    expectProblem(await kit.login(c.a.slug, s.email), 403, 'AUTH_USER_DISABLED');
    expectProblem(await kit.login(c.a.slug, s.email, 'not the password'), 401, 'AUTH_INVALID_CREDENTIALS');
    const q = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    expectGraphQLRefused(await kit.gql({ 'x-tenant-id': c.a.slug }, q, { e: s.email, p: PASSWORD }), 'AUTH_USER_DISABLED', 'login');
  });

  it("a disabled user's unexpired access token is refused at once (401 AUTH_TOKEN_REVOKED, REST and GraphQL)", async () => {
    const s = await kit.session(c.a, ['editor']);
    expect((await kit.call('GET', '/api/v1/auth/me', s.headers)).statusCode).toBe(200);
    expect((await kit.call('PATCH', `/api/v1/auth/users/${s.userId}`, c.admin.headers, { status: 'disabled' })).statusCode).toBe(200);
    expectProblem(await kit.call('GET', '/api/v1/auth/me', s.headers), 401, 'AUTH_TOKEN_REVOKED');
    expectGraphQLRefused(await kit.gql(s.headers, '{ me { id } }'), 'AUTH_TOKEN_REVOKED', 'me');
  });

  it('a demoted admin loses admin rights at once (old token refused)', async () => {
    const s = await kit.session(c.a, ['admin']);
    expect((await kit.call('PUT', `/api/v1/auth/users/${s.userId}/roles`, c.admin.headers, { roles: ['customer'] })).statusCode).toBe(200);
    expectProblem(await kit.call('GET', '/api/v1/auth/users', s.headers), 401, 'AUTH_TOKEN_REVOKED');
  });

  it("the platform admin's own token is refused inside a tenant (no silent cross-tenant access)", async () => {
    const root = await kit.p.userWithToken((await kit.p.defaultTenant()).id, ['super_admin'], uniqueEmail('root'));
    expectProblem(await kit.call('GET', '/api/v1/auth/users', bearer(root.token, c.a.slug)), 401, 'AUTH_TOKEN_INVALID');
  });
  it("a deactivated tenant's users are refused: login, access token and refresh (403 TENANT_INACTIVE)", async () => {
    const home = await kit.p.defaultTenant();
    const root = await kit.p.userWithToken(home.id, ['super_admin'], uniqueEmail('root'));
    const closing = await kit.p.createTenant(`idor-closed-${Date.now().toString(36)}`);
    const s = await kit.session(closing, ['admin']);
    const off = await kit.call('PATCH', `/api/v1/platform/tenants/${closing.id}`, root.headers, { isActive: false });
    expect(off.statusCode, off.body).toBe(200);
    expectProblem(await kit.login(closing.slug, s.email), 403, 'TENANT_INACTIVE');
    expectProblem(await kit.call('GET', '/api/v1/auth/users', s.headers), 403, 'TENANT_INACTIVE');
    expectProblem(
      await kit.call('POST', '/api/v1/auth/refresh', { 'x-tenant-id': closing.slug }, { refreshToken: s.refreshToken }),
      403,
      'TENANT_INACTIVE',
    );
    expectGraphQLRefused(await kit.gql(s.headers, '{ me { id } }'), 'TENANT_INACTIVE', 'me');
  });

  describe('a tenant admin against the platform admin of the same tenant', () => {
    let root: { userId: string; email: string; headers: Headers };
    let localAdmin: Session;

    beforeAll(async () => {
      const home = await kit.p.defaultTenant();
      const email = uniqueEmail('root');
      root = { ...(await kit.p.userWithToken(home.id, ['super_admin'], email)), email };
      localAdmin = await kit.session(home, ['admin']);
    });

    const changes: [string, Method, (id: string) => string, unknown][] = [
      ['strip super_admin from', 'PUT', (id) => `/api/v1/auth/users/${id}/roles`, { roles: ['customer'] }],
      ['disable', 'PATCH', (id) => `/api/v1/auth/users/${id}`, { status: 'disabled' }],
      ['withdraw the verified address of', 'PATCH', (id) => `/api/v1/auth/users/${id}`, { emailVerified: false }],
      ['set a new password for', 'POST', (id) => `/api/v1/auth/users/${id}/password-reset`, { newPassword: 'taken over at last' }],
    ];

    it.each(changes.map(([name]) => name))('cannot %s the platform admin (403 AUTH_USER_PROTECTED)', async (name) => {
      const found = changes.find(([n]) => n === name);
      if (!found) throw new Error(`no change ${name}`);
      const [, method, url, body] = found;
      expectProblem(await kit.call(method, url(root.userId), localAdmin.headers, body), 403, 'AUTH_USER_PROTECTED');
      const me = await kit.call('GET', '/api/v1/auth/me', root.headers);
      expect(me.json(), me.body).toMatchObject({ roles: ['super_admin'], status: 'active', emailVerified: true });
    });

    it.each([
      ['setUserRoles', 'mutation ($id: ID!) { setUserRoles(id: $id, roles: ["customer"]) { id } }'],
      ['updateUser', 'mutation ($id: ID!) { updateUser(id: $id, status: disabled) { id } }'],
    ])('cannot change the platform admin through GraphQL %s (AUTH_USER_PROTECTED)', async (field, q) => {
      expectGraphQLRefused(await kit.gql(localAdmin.headers, q, { id: root.userId }), 'AUTH_USER_PROTECTED', field);
      expect((await kit.call('GET', '/api/v1/auth/me', root.headers)).statusCode).toBe(200);
    });
  });
});
