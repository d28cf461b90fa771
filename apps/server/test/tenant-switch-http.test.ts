import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({ status, code });
  return res.json<{ detail: string }>();
};

interface Switched {
  accessToken: string;
  expiresIn: number;
  tenant: { id: string; slug: string };
  impersonatedBy: { userId: string; tenantId: string; email: string };
  switchId: string;
}

describeEachBackend('platform administrator tenant switch', (backend) => {
  let p: TestPlatform;
  let home: TenantRef;
  let a: TenantRef;
  let c: TenantRef;
  let root: { userId: string; token: string; headers: Headers };

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    p.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const as = (token: string, tenant: string): Headers => ({ authorization: `Bearer ${token}`, 'x-tenant-id': tenant });
  const switchTo = (tenantId: string, headers: Headers, payload: object = { reason: 'routine check' }) =>
    call('POST', `/api/v1/platform/tenants/${tenantId}/switch`, headers, payload);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: { auth: { ip_attempts_per_minute: 10_000 } } });
    home = await p.defaultTenant();
    a = await p.createTenant('switch-a');
    c = await p.createTenant('switch-c');
    root = await p.userWithToken(home.id, ['super_admin'], 'root@example.com');
  });
  afterAll(() => p?.close());

  it("refuses the platform admin's own token inside another tenant", async () => {
    expectProblem(await call('GET', '/api/v1/auth/users', as(root.token, a.slug)), 401, 'AUTH_TOKEN_INVALID');
  });

  it('switches into a tenant: a 15-minute token with impersonatedBy, audited in the outbox, refused elsewhere', async () => {
    const res = await switchTo(a.id, root.headers, { reason: 'support ticket 42' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Switched>();
    expect(body).toMatchObject({
      expiresIn: 900,
      tenant: { id: a.id, slug: a.slug },
      impersonatedBy: { userId: root.userId, tenantId: home.id, email: 'root@example.com' },
    });
    expect(res.body).not.toContain('refreshToken');
    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({ sub: root.userId, tid: a.id, roles: ['admin'], jti: body.switchId });
    expect(claims.impersonatedBy).toEqual({ userId: root.userId, tenantId: home.id });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);

    // Works in the tenant with its administrators' permissions; /auth/me says who acts.
    const users = await call('GET', '/api/v1/auth/users', as(body.accessToken, a.slug));
    expect(users.statusCode, users.body).toBe(200);
    const me = await call('GET', '/api/v1/auth/me', as(body.accessToken, a.id));
    expect(me.statusCode, me.body).toBe(200);
    const shown = me.json<{ id: string; tenantId: string; roles: string[]; permissions: string[]; impersonatedBy: unknown }>();
    expect(shown).toMatchObject({ id: root.userId, tenantId: a.id, roles: ['admin'], email: 'root@example.com' });
    expect(shown.impersonatedBy).toEqual({ userId: root.userId, tenantId: home.id, email: 'root@example.com' });
    expect(shown.permissions).toContain('auth.users.manage');
    expect(shown.permissions.some((perm) => perm.startsWith('platform.'))).toBe(false);
    // GraphQL `me` answers the same for a switched token.
    const gqlMe = await call('POST', '/graphql', as(body.accessToken, a.id), { query: '{ me { id tenantId roles email } }' });
    expect(gqlMe.json(), gqlMe.body).toEqual({
      data: { me: { id: root.userId, tenantId: a.id, roles: ['admin'], email: 'root@example.com' } },
    });

    // The audit event was committed with the switch.
    const { rows } = await p.database.db.query<{ tenant_id: string; envelope: { payload: Record<string, unknown> } }>(
      "SELECT tenant_id, envelope FROM sys_events WHERE type = 'auth.tenant.switched'",
    );
    const event = rows.find((r) => r.envelope.payload.switchId === body.switchId);
    expect(event?.tenant_id).toBe(a.id);
    expect(event?.envelope.payload).toMatchObject({
      adminUserId: root.userId,
      adminTenantId: home.id,
      targetTenantId: a.id,
      roles: ['admin'],
      reason: 'support ticket 42',
    });

    // Refused in a third tenant, in the home tenant, for platform routes, and for another switch.
    expectProblem(await call('GET', '/api/v1/auth/users', as(body.accessToken, c.slug)), 401, 'AUTH_TOKEN_INVALID');
    expectProblem(await call('GET', '/api/v1/auth/me', as(body.accessToken, home.slug)), 401, 'AUTH_TOKEN_INVALID');
    expectProblem(await call('GET', '/api/v1/platform/tenants', { authorization: `Bearer ${body.accessToken}` }), 403, 'AUTH_FORBIDDEN');
    expectProblem(await switchTo(c.id, { authorization: `Bearer ${body.accessToken}` }), 403, 'AUTH_FORBIDDEN');
    // No account operations under a borrowed identity.
    expectProblem(
      await call('POST', '/api/v1/auth/password', as(body.accessToken, a.slug), { currentPassword: 'x', newPassword: 'whatever it is' }),
      403,
      'AUTH_IMPERSONATION_NOT_ALLOWED',
    );
  });

  it('is for platform administrators only, into existing active tenants', async () => {
    const tenantAdmin = await p.userWithToken(a.id, ['admin']);
    expectProblem(await switchTo(c.id, tenantAdmin.headers), 403, 'AUTH_FORBIDDEN');
    expectProblem(await switchTo(c.id, { 'x-tenant-id': a.slug }), 401, 'AUTH_REQUIRED');
    expectProblem(await switchTo(c.id, root.headers, {}), 422, 'VALIDATION_FAILED');
    expectProblem(await switchTo('01930000-0000-7000-8000-000000000000', root.headers), 404, 'TENANT_NOT_FOUND');
    const off = await p.createTenant('switch-off');
    expect((await call('PATCH', `/api/v1/platform/tenants/${off.id}`, root.headers, { isActive: false })).statusCode).toBe(200);
    expectProblem(await switchTo(off.id, root.headers), 403, 'TENANT_INACTIVE');
  });

  it("stops the switched token at once when the administrator's account is disabled", async () => {
    const other = await p.userWithToken(home.id, ['super_admin']);
    const switched = (await switchTo(a.id, other.headers)).json<Switched>();
    expect((await call('GET', '/api/v1/auth/me', as(switched.accessToken, a.slug))).statusCode).toBe(200);
    const disabled = await call('PATCH', `/api/v1/auth/users/${other.userId}`, root.headers, { status: 'disabled' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expectProblem(await call('GET', '/api/v1/auth/me', as(switched.accessToken, a.slug)), 401, 'AUTH_TOKEN_REVOKED');
  });

  it('names the tenant a login without a tenant header was tried in', async () => {
    const res = await call('POST', '/api/v1/auth/login', {}, { email: 'someone@example.com', password: 'not a known one' });
    const problem = expectProblem(res, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(problem.detail).toContain(`tenant "${home.slug}"`);
  });
});
