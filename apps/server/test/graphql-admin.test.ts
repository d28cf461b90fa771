import { generateId, type TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  adminGraphQL,
  bearer,
  type Headers,
  LOGIN,
  PASSWORD,
  type Page,
  REFRESH,
  type Session,
  type Tenant,
} from './fixtures/graphql-admin.js';

/** A GraphQL-only administrator signs in and runs the platform and its tenants: sessions, tenants, users and roles. */

describeEachBackend('GraphQL administration: sessions, tenants, users and roles', (backend) => {
  let p: TestPlatform;
  let root: TenantRef;
  let rootEmail: string;
  let platformAdmin: Headers;
  const { data, codes, login, statusOf, signInPlatformAdmin } = adminGraphQL(() => p);

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    ({ root, email: rootEmail, headers: platformAdmin } = await signInPlatformAdmin());
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
});
