import type { TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;
interface Created {
  id: string;
  token: string;
  prefix: string;
  permissions: string[];
  readOnly: boolean;
  mcpMode: string;
  lastUsedAt: string | null;
}

/**
 * Personal access tokens over REST and GraphQL: created with permissions among the creator's (the
 * secret shown once, only its hash stored), accepted as a bearer token in their tenant only with the
 * intersection of their permissions and the user's current ones, listed, revoked (401 from then on),
 * expired (401), and audited through the outbox.
 */
describeEachBackend('Personal access tokens over REST and GraphQL', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let other: TenantRef;
  let admin: Headers;
  let adminId: string;
  const { data, codes } = graphqlClient(() => p);

  const create = (headers: Headers, payload: Record<string, unknown>) =>
    p.app.inject({ method: 'POST', url: '/api/v1/auth/access-tokens', headers, payload });
  const created = async (headers: Headers, payload: Record<string, unknown>): Promise<Created> => {
    const res = await create(headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Created>();
  };
  const bearer = (token: string, t: TenantRef = tenant): Headers => ({ authorization: `Bearer ${token}`, 'x-tenant-id': t.slug });
  const me = (headers: Headers) => p.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const events = async (type: string, tokenId: string) => {
    const { rows } = await p.database.db.query<{ envelope: { payload: Record<string, unknown> } }>(
      "SELECT envelope FROM sys_events WHERE tenant_id = $1 AND type = $2 AND envelope->'payload'->>'tokenId' = $3",
      [tenant.id, type, tokenId],
    );
    return rows.map((r) => r.envelope.payload);
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: builtInModules });
    tenant = await p.createTenant('pat-http');
    other = await p.createTenant('pat-http-other');
    ({ headers: admin, userId: adminId } = await p.userWithToken(tenant.id, ['admin']));
  }, 60_000);
  afterAll(async () => {
    await p?.close();
  });

  it('creates a token whose secret is shown once and stored as a hash; it authenticates with the chosen permissions only', async () => {
    const token = await created(admin, { name: 'catalogue reader', permissions: ['commerce.products.read', 'content.nodes.read'] });
    expect(token.token).toMatch(/^rtk_pat_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(token.token.slice(0, 12));
    expect(token).toMatchObject({ readOnly: true, mcpMode: 'direct', lastUsedAt: null });
    const stored = await p.database.db.transaction((tx) => tx.query('SELECT * FROM auth_access_tokens WHERE id = $1', [token.id]), {
      tenantId: tenant.id,
    });
    expect(JSON.stringify(stored.rows)).not.toContain(token.token.slice(8));
    const res = await me(bearer(token.token));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: adminId, permissions: ['commerce.products.read', 'content.nodes.read'] });
    const products = await p.app.inject({ method: 'GET', url: '/api/v1/commerce/products', headers: bearer(token.token) });
    expect(products.statusCode, products.body).toBe(200);
    const write = await p.app.inject({ method: 'POST', url: '/api/v1/auth/users', headers: bearer(token.token), payload: {} });
    expect(write.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    const list = await p.app.inject({ method: 'GET', url: '/api/v1/auth/access-tokens', headers: admin });
    const [mine] = list.json<{ items: Created[] }>().items.filter((t) => t.id === token.id);
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(token.token);
    expect(await events('auth.access_token.created', token.id)).toEqual([
      expect.objectContaining({ userId: adminId, name: 'catalogue reader', mcpMode: 'direct', expiresAt: null }),
    ]);
  });

  it('refuses permissions the creator does not hold, unknown ones, a past expiry, and creation with a token', async () => {
    const editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    expect((await create(editor, { name: 'x', permissions: ['commerce.orders.refund'] })).json()).toMatchObject({
      code: 'AUTH_PERMISSION_NOT_HELD',
      status: 403,
    });
    expect((await create(admin, { name: 'x', permissions: ['nope.things.read'] })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const past = await create(admin, { name: 'x', permissions: ['content.nodes.read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/expiresAt' }] });
    const token = await created(admin, { name: 'can create', permissions: ['auth.access_tokens.create'] });
    expect((await create(bearer(token.token), { name: 'y', permissions: ['auth.access_tokens.create'] })).json()).toMatchObject({
      code: 'AUTH_SESSION_REQUIRED',
    });
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    expect((await create(customer, { name: 'c', permissions: ['commerce.orders.read_own'] })).statusCode).toBe(403);
  });

  it("narrows to the user's current permissions: a user who loses a role loses it in the token", async () => {
    const { headers, userId } = await p.userWithToken(tenant.id, ['manager']);
    const token = await created(headers, { name: 'orders', permissions: ['commerce.orders.manage', 'content.nodes.read'] });
    expect((await me(bearer(token.token))).json()).toMatchObject({ permissions: ['commerce.orders.manage', 'content.nodes.read'] });
    const demoted = await p.app.inject({
      method: 'PUT',
      url: `/api/v1/auth/users/${userId}/roles`,
      headers: admin,
      payload: { roles: ['editor'] },
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect((await me(bearer(token.token))).json()).toMatchObject({ permissions: ['content.nodes.read'] });
  });

  it('revoked and expired tokens answer 401 with their codes; a token of another tenant is unknown there', async () => {
    const token = await created(admin, { name: 'short-lived', permissions: ['content.nodes.read'] });
    expect((await me(bearer(token.token, other))).json()).toMatchObject({ code: 'AUTH_TOKEN_INVALID', status: 401 });
    const platform = await p.app.inject({
      method: 'GET',
      url: '/api/v1/platform/tenants',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(platform.statusCode).toBe(401);
    const revoke = await p.app.inject({ method: 'POST', url: `/api/v1/auth/access-tokens/${token.id}/revoke`, headers: admin });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect((await me(bearer(token.token))).json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED', status: 401 });
    await p.app.inject({ method: 'POST', url: `/api/v1/auth/access-tokens/${token.id}/revoke`, headers: admin });
    expect(await events('auth.access_token.revoked', token.id)).toEqual([{ tokenId: token.id, userId: adminId, revokedBy: adminId }]);
    const later = await created(admin, { name: 'expires', permissions: ['content.nodes.read'], expiresAt: '2999-01-01T00:00:00Z' });
    await p.database.db.transaction(
      (tx) => tx.query("UPDATE auth_access_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1", [later.id]),
      {
        tenantId: tenant.id,
      },
    );
    expect((await me(bearer(later.token))).json()).toMatchObject({ code: 'AUTH_TOKEN_EXPIRED', status: 401 });
    expect((await me(bearer('rtk_pat_not-a-token'))).json()).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });

  it("lists one's own tokens; everyone's and others' revocation need auth.access_tokens.manage", async () => {
    const { headers: editor } = await p.userWithToken(tenant.id, ['editor']);
    const mine = await created(editor, { name: 'editor token', permissions: ['content.nodes.read'] });
    const list = (headers: Headers, all = false) =>
      p.app.inject({ method: 'GET', url: `/api/v1/auth/access-tokens${all ? '?all=true' : ''}`, headers });
    expect((await list(editor)).json<{ items: Created[] }>().items.map((t) => t.id)).toEqual([mine.id]);
    expect((await list(editor, true)).json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    expect((await list(admin, true)).json<{ items: Created[] }>().items.map((t) => t.id)).toContain(mine.id);
    expect((await list(admin)).json<{ items: Created[] }>().items.map((t) => t.id)).not.toContain(mine.id);
    const adminToken = await created(admin, { name: 'admin token', permissions: ['content.nodes.read'] });
    const refused = await p.app.inject({ method: 'POST', url: `/api/v1/auth/access-tokens/${adminToken.id}/revoke`, headers: editor });
    expect(refused.json()).toMatchObject({ code: 'AUTH_ACCESS_TOKEN_NOT_FOUND', status: 404 });
    const byAdmin = await p.app.inject({ method: 'POST', url: `/api/v1/auth/access-tokens/${mine.id}/revoke`, headers: admin });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    const grantable = await p.app.inject({ method: 'GET', url: '/api/v1/auth/access-tokens/permissions', headers: editor });
    const body = grantable.json<{ permissions: { name: string; readOnly: boolean }[]; readOnlyPreset: string[] }>();
    expect(body.permissions.map((g) => g.name)).not.toContain('commerce.orders.refund');
    expect(body.readOnlyPreset).toContain('commerce.orders.read');
    expect(body.readOnlyPreset.every((n) => /\.(read|read_own|view)$/.test(n))).toBe(true);
  });

  it('works over GraphQL: create, list, revoke, and the token authenticates GraphQL requests', async () => {
    const q = `mutation ($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret accessToken { id readOnly mcpMode } } }`;
    const made = await data<{ secret: string; accessToken: { id: string; readOnly: boolean; mcpMode: string } }>(
      'createAccessToken',
      admin,
      q,
      {
        input: { name: 'graphql', permissions: ['auth.access_tokens.create', 'content.nodes.read'], mcpMode: 'catalog' },
      },
    );
    expect(made.accessToken).toMatchObject({ readOnly: false, mcpMode: 'catalog' });
    const listed = await data<{ items: { id: string }[] }>('accessTokens', bearer(made.secret), '{ accessTokens { items { id } } }');
    expect(listed.items.map((t) => t.id)).toContain(made.accessToken.id);
    expect(await codes(bearer(made.secret), '{ users { items { id } } }')).toEqual(['AUTH_FORBIDDEN']);
    const revoke = 'mutation ($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }';
    expect(await codes(admin, revoke, { id: '0190f3a0-0000-7000-8000-000000000001' })).toEqual(['AUTH_ACCESS_TOKEN_NOT_FOUND']);
    await data('revokeAccessToken', admin, revoke, { id: made.accessToken.id });
    expect(await codes(bearer(made.secret), '{ accessTokens { items { id } } }')).toEqual(['AUTH_TOKEN_REVOKED']);
  });
});
