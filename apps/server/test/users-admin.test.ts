import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

describeEachBackend("a tenant's users and roles", (backend) => {
  let p: TestPlatform;
  let admin: Record<string, string>;
  let tenantId: string;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    p.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const login = (email: string, password: string) => call('POST', '/api/v1/auth/login', { 'x-tenant-id': tenantId }, { email, password });

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    tenantId = (await p.createTenant('people')).id;
    admin = (await p.userWithToken(tenantId, ['admin'])).headers;
  });
  afterAll(() => p.close());

  it('a tenant role grants exactly its permissions to the users who hold it', async () => {
    const role = await call('PUT', '/api/v1/auth/roles/support', admin, {
      description: 'first line',
      permissions: ['tenancy.modules.read'],
    });
    expect(role.statusCode).toBe(200);
    const created = await call('POST', '/api/v1/auth/users', admin, {
      email: 'Sam@Example.com',
      password: 'a long password',
      roles: ['support'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'sam@example.com', roles: ['support'], tenantId });
    const session = await login('sam@example.com', 'a long password');
    const headers = { authorization: `Bearer ${session.json<{ accessToken: string }>().accessToken}`, 'x-tenant-id': tenantId };
    expect((await call('GET', '/api/v1/modules', headers)).statusCode).toBe(200);
    expect((await call('PUT', '/api/v1/modules/auth', headers, { enabled: true })).statusCode).toBe(403);
    const me = await call('GET', '/api/v1/auth/me', headers);
    expect(me.json<{ permissions: string[] }>().permissions).toEqual(['tenancy.modules.read']);
    const roles = (await call('GET', '/api/v1/auth/roles', admin)).json<{ name: string; builtIn: boolean }[]>();
    expect(roles.map((r) => r.name)).toEqual(['super_admin', 'admin', 'manager', 'editor', 'customer', 'support']);
  });

  it('refuses unknown roles, built-in role changes, and super_admin from a tenant admin', async () => {
    const unknown = await call('POST', '/api/v1/auth/users', admin, {
      email: 'x@example.com',
      password: 'a long password',
      roles: ['ghost'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/roles/0' }] });
    expect((await call('PUT', '/api/v1/auth/roles/admin', admin, { permissions: [] })).json()).toMatchObject({
      status: 409,
      code: 'AUTH_ROLE_BUILT_IN',
    });
    const elevated = await call('POST', '/api/v1/auth/users', admin, {
      email: 'y@example.com',
      password: 'a long password',
      roles: ['super_admin'],
    });
    expect(elevated.json()).toMatchObject({ status: 403, code: 'AUTH_ROLE_NOT_GRANTABLE' });
    expect((await call('PUT', '/api/v1/auth/roles/support', admin, { permissions: ['not a permission'] })).statusCode).toBe(422);
  });

  it('changing roles or disabling a user ends their refresh sessions; a disabled user cannot log in', async () => {
    const created = await call('POST', '/api/v1/auth/users', admin, {
      email: 'kim@example.com',
      password: 'a long password',
      roles: ['editor'],
    });
    const id = created.json<{ id: string }>().id;
    const session = (await login('kim@example.com', 'a long password')).json<{ refreshToken: string }>();
    const changed = await call('PUT', `/api/v1/auth/users/${id}/roles`, admin, { roles: ['manager'] });
    expect(changed.json()).toMatchObject({ roles: ['manager'] });
    expect(
      (await call('POST', '/api/v1/auth/refresh', { 'x-tenant-id': tenantId }, { refreshToken: session.refreshToken })).statusCode,
    ).toBe(401);
    expect((await call('PATCH', `/api/v1/auth/users/${id}`, admin, { status: 'disabled' })).json()).toMatchObject({ status: 'disabled' });
    expect((await login('kim@example.com', 'a long password')).json()).toMatchObject({ status: 403, code: 'AUTH_USER_DISABLED' });
    expect((await call('PATCH', `/api/v1/auth/users/${id}`, admin, { status: 'active' })).statusCode).toBe(200);
    expect((await login('kim@example.com', 'a long password')).statusCode).toBe(200);
  });

  it('lists users with cursor pagination and needs the permission', async () => {
    const first = await call('GET', '/api/v1/auth/users?limit=1', admin);
    const page = first.json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await call('GET', `/api/v1/auth/users?limit=1&cursor=${page.nextCursor}`, admin);
    expect(next.json<{ items: { id: string }[] }>().items[0]?.id).not.toBe(page.items[0]?.id);
    const customer = (await p.userWithToken(tenantId, ['customer'])).headers;
    expect((await call('GET', '/api/v1/auth/users', customer)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/auth/users', { 'x-tenant-id': tenantId })).statusCode).toBe(401);
  });

  it('deleting a tenant role takes it from its users', async () => {
    await call('PUT', '/api/v1/auth/roles/temp', admin, { permissions: ['tenancy.modules.read'] });
    const created = await call('POST', '/api/v1/auth/users', admin, {
      email: 'tmp@example.com',
      password: 'a long password',
      roles: ['temp', 'customer'],
    });
    expect((await call('DELETE', '/api/v1/auth/roles/temp', admin)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/auth/users/${created.json<{ id: string }>().id}`, admin)).json()).toMatchObject({
      roles: ['customer'],
    });
    expect((await call('DELETE', '/api/v1/auth/roles/temp', admin)).json()).toMatchObject({ status: 404, code: 'AUTH_ROLE_NOT_FOUND' });
  });
});
