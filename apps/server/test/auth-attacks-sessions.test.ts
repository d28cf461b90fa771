import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantRef } from '@rustok/kernel';
import { CONFIG_DIR, describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  type AttackKit,
  attackPlatform,
  expectGraphQLRefused,
  expectProblem,
  PASSWORD,
  type Session,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 2: refresh tokens (reuse, another tenant's, after logout, forged) and brute
 * force (account lockout, the per-IP limit, X-Forwarded-For, GraphQL logins in the same budget,
 * credential stuffing across tenants). Each brute-force case comes from its own client address.
 */

const REFRESH = 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const LOCKOUT = 3;
const IP_LIMIT = 5;

/** What production's config says about proxies: the X-Forwarded-For case runs with it. */
const productionTrustProxy = (): Record<string, unknown> => {
  const doc = parseYaml(readFileSync(join(CONFIG_DIR, 'production.yaml'), 'utf8')) as { server?: { trust_proxy?: unknown } };
  return doc.server?.trust_proxy === undefined ? {} : { server: { trust_proxy: doc.server.trust_proxy } };
};

let ipCounter = 0;
const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

describeEachBackend('auth attacks: refresh tokens and brute force', (backend) => {
  let kit: AttackKit;
  let a: TenantRef;
  let b: TenantRef;

  const refreshRest = (token: string, tenant = a.slug) =>
    kit.call('POST', '/api/v1/auth/refresh', { 'x-tenant-id': tenant }, { refreshToken: token });
  const refreshGql = (token: string, tenant = a.slug) => kit.gql({ 'x-tenant-id': tenant }, REFRESH, { t: token });
  const customer = (): Promise<Session> => kit.session(a, ['customer']);

  beforeAll(async () => {
    kit = await attackPlatform(backend, { auth: { lockout_threshold: LOCKOUT, ip_attempts_per_minute: IP_LIMIT } });
    a = await kit.p.createTenant('brute-a');
    b = await kit.p.createTenant('brute-b');
  });
  afterAll(() => kit?.p.close());

  describe('refresh tokens', () => {
    it('a reused refresh token is refused and revokes its whole family (REST)', async () => {
      const s = await customer();
      const next = (await refreshRest(s.refreshToken)).json<{ refreshToken: string }>().refreshToken;
      expectProblem(await refreshRest(s.refreshToken), 401, 'AUTH_REFRESH_REUSED');
      expectProblem(await refreshRest(next), 401, 'AUTH_REFRESH_INVALID');
    });

    it('a reused refresh token is refused and revokes its whole family (GraphQL)', async () => {
      const s = await customer();
      const first = (await refreshGql(s.refreshToken)).json<{ data: { refresh: { refreshToken: string } } }>();
      const next = first.data.refresh.refreshToken;
      expectGraphQLRefused(await refreshGql(s.refreshToken), 'AUTH_REFRESH_REUSED', 'refresh');
      expectGraphQLRefused(await refreshGql(next), 'AUTH_REFRESH_INVALID', 'refresh');
    });

    it("a stolen refresh token's access tokens die when the reuse is detected (401 AUTH_TOKEN_REVOKED)", async () => {
      const victim = await customer();
      const thief = (await refreshRest(victim.refreshToken)).json<{ accessToken: string }>();
      const stolen = { authorization: `Bearer ${thief.accessToken}`, 'x-tenant-id': a.slug };
      expect((await kit.call('GET', '/api/v1/auth/me', stolen)).statusCode).toBe(200);
      expectProblem(await refreshRest(victim.refreshToken), 401, 'AUTH_REFRESH_REUSED');
      expectProblem(await kit.call('GET', '/api/v1/auth/me', stolen), 401, 'AUTH_TOKEN_REVOKED');
      expectGraphQLRefused(await kit.gql(stolen, '{ me { id } }'), 'AUTH_TOKEN_REVOKED', 'me');
      expectProblem(await kit.call('GET', '/api/v1/auth/me', victim.headers), 401, 'AUTH_TOKEN_REVOKED');
    });

    it("a session's access token dies with its logout; the user's other sessions live on", async () => {
      const s = await customer();
      const other = await kit.login(a.slug, s.email, PASSWORD, freshIp());
      const otherHeaders = { authorization: `Bearer ${other.json<{ accessToken: string }>().accessToken}`, 'x-tenant-id': a.slug };
      await kit.call('POST', '/api/v1/auth/logout', { 'x-tenant-id': a.slug }, { refreshToken: s.refreshToken });
      expectProblem(await kit.call('GET', '/api/v1/auth/me', s.headers), 401, 'AUTH_TOKEN_REVOKED');
      expect((await kit.call('GET', '/api/v1/auth/me', otherHeaders)).statusCode).toBe(200);
    });

    it("tenant A's refresh token is refused at tenant B and stays usable at A", async () => {
      const s = await customer();
      expectProblem(await refreshRest(s.refreshToken, b.slug), 401, 'AUTH_REFRESH_INVALID');
      expectGraphQLRefused(await refreshGql(s.refreshToken, b.slug), 'AUTH_REFRESH_INVALID', 'refresh');
      expect((await refreshRest(s.refreshToken)).statusCode).toBe(200);
    });

    it('a refresh token is dead after logout (REST logout, REST and GraphQL refresh)', async () => {
      const s = await customer();
      const out = await kit.call('POST', '/api/v1/auth/logout', { 'x-tenant-id': a.slug }, { refreshToken: s.refreshToken });
      expect(out.statusCode).toBe(204);
      expectProblem(await refreshRest(s.refreshToken), 401, 'AUTH_REFRESH_INVALID');
      expectGraphQLRefused(await refreshGql(s.refreshToken), 'AUTH_REFRESH_INVALID', 'refresh');
    });

    it('a refresh token is dead after a GraphQL logout', async () => {
      const s = await customer();
      const out = await kit.gql({ 'x-tenant-id': a.slug }, 'mutation ($t: String!) { logout(refreshToken: $t) }', { t: s.refreshToken });
      expect(out.json()).toEqual({ data: { logout: true } });
      expectProblem(await refreshRest(s.refreshToken), 401, 'AUTH_REFRESH_INVALID');
    });

    it("logout at tenant B cannot end tenant A's session", async () => {
      const s = await customer();
      await kit.call('POST', '/api/v1/auth/logout', { 'x-tenant-id': b.slug }, { refreshToken: s.refreshToken });
      expect((await refreshRest(s.refreshToken)).statusCode).toBe(200);
    });

    it.each([
      { name: 'a random token of the right shape', token: () => randomBytes(32).toString('base64url') },
      { name: 'an access token', token: (s: Session) => s.accessToken },
      {
        name: 'a refresh token with one character changed',
        token: (s: Session) => `${s.refreshToken.slice(0, -1)}${s.refreshToken.endsWith('A') ? 'B' : 'A'}`,
      },
      { name: 'a refresh token cut short', token: (s: Session) => s.refreshToken.slice(0, 20) },
      { name: 'a SQL string', token: () => "' OR 1=1 --" },
      { name: 'a wildcard', token: () => '%' },
    ])('refuses $name as a refresh token (401 AUTH_REFRESH_INVALID, REST and GraphQL)', async ({ token }) => {
      const forged = token(await customer());
      expectProblem(await refreshRest(forged), 401, 'AUTH_REFRESH_INVALID');
      expectGraphQLRefused(await refreshGql(forged), 'AUTH_REFRESH_INVALID', 'refresh');
    });

    it('refuses extra fields in a refresh body (mass assignment: userId, tenantId) with 422', async () => {
      const s = await customer();
      const res = await kit.call(
        'POST',
        '/api/v1/auth/refresh',
        { 'x-tenant-id': a.slug },
        { refreshToken: s.refreshToken, userId: s.userId, tenantId: b.id },
      );
      expectProblem(res, 422, 'VALIDATION_FAILED');
    });

    it("refuses a disabled user's refresh token", async () => {
      const s = await customer();
      const admin = await kit.session(a, ['admin']);
      expect((await kit.call('PATCH', `/api/v1/auth/users/${s.userId}`, admin.headers, { status: 'disabled' })).statusCode).toBe(200);
      const res = await refreshRest(s.refreshToken);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(401);
      expect(['AUTH_REFRESH_INVALID', 'AUTH_USER_DISABLED']).toContain(res.json<{ code: string }>().code);
    });
  });

  describe('brute force', () => {
    const failLogins = async (tenant: string, email: string, n: number, ip: string) => {
      for (let i = 0; i < n; i++) expectProblem(await kit.login(tenant, email, `wrong password ${i}`, ip), 401, 'AUTH_INVALID_CREDENTIALS');
    };

    it('locks an account after the threshold: the right password then gets 429 AUTH_ACCOUNT_LOCKED with Retry-After', async () => {
      const s = await customer();
      await failLogins(a.slug, s.email, LOCKOUT, freshIp());
      const res = await kit.login(a.slug, s.email, PASSWORD, freshIp());
      expectProblem(res, 429, 'AUTH_ACCOUNT_LOCKED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('the lockout holds for a GraphQL login with the right password', async () => {
      const s = await customer();
      await failLogins(a.slug, s.email, LOCKOUT, freshIp());
      expectGraphQLRefused(
        await kit.gql({ 'x-tenant-id': a.slug }, LOGIN, { e: s.email, p: PASSWORD }, freshIp()),
        'AUTH_ACCOUNT_LOCKED',
        'login',
      );
    });

    it.each([
      { name: 'upper case', vary: (e: string) => e.toUpperCase() },
      { name: 'surrounding spaces', vary: (e: string) => `  ${e}  ` },
      { name: 'mixed case', vary: (e: string) => e.replace(/^./, (ch) => ch.toUpperCase()) },
    ])('the lockout cannot be dodged by writing the address in $name', async ({ vary }) => {
      const s = await customer();
      await failLogins(a.slug, s.email, LOCKOUT, freshIp());
      expectProblem(await kit.login(a.slug, vary(s.email), PASSWORD, freshIp()), 429, 'AUTH_ACCOUNT_LOCKED');
    });

    it('the lockout cannot be dodged by naming the tenant by id instead of slug', async () => {
      const s = await customer();
      await failLogins(a.slug, s.email, LOCKOUT, freshIp());
      expectProblem(await kit.login(a.id, s.email, PASSWORD, freshIp()), 429, 'AUTH_ACCOUNT_LOCKED');
    });

    it('limits one address to ip_attempts_per_minute logins over many accounts (429 AUTH_RATE_LIMITED)', async () => {
      const ip = freshIp();
      for (let i = 0; i < IP_LIMIT; i++) expect((await kit.login(a.slug, uniqueEmail('spray'), 'guess', ip)).statusCode).toBe(401);
      const res = await kit.login(a.slug, uniqueEmail('spray'), 'guess', ip);
      expectProblem(res, 429, 'AUTH_RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('counts GraphQL logins in the same per-IP budget as REST logins', async () => {
      const ip = freshIp();
      for (let i = 0; i < IP_LIMIT; i++) {
        const res = await kit.gql({ 'x-tenant-id': a.slug }, LOGIN, { e: uniqueEmail('gql'), p: 'guess' }, ip);
        expectGraphQLRefused(res, 'AUTH_INVALID_CREDENTIALS', 'login');
      }
      expectProblem(await kit.login(a.slug, uniqueEmail('mix'), 'guess', ip), 429, 'AUTH_RATE_LIMITED');
    });

    it('aliased GraphQL logins in one request are each counted: no more than the limit are tried', async () => {
      const ip = freshIp();
      const fields = Array.from(
        { length: IP_LIMIT + 3 },
        (_, i) => `l${i}: login(email: "${uniqueEmail('alias')}", password: "guess") { accessToken }`,
      );
      const res = await kit.gql({ 'x-tenant-id': a.slug }, `mutation { ${fields.join(' ')} }`, undefined, ip);
      const codes = res.json<{ errors?: { extensions?: { code?: string } }[] }>().errors?.map((e) => e.extensions?.code) ?? [];
      expect(codes.filter((code) => code === 'AUTH_INVALID_CREDENTIALS')).toHaveLength(IP_LIMIT);
      expect(codes.filter((code) => code === 'AUTH_RATE_LIMITED')).toHaveLength(3);
    });

    it('a JSON array of batched GraphQL logins gets no more tries than the limit', async () => {
      const ip = freshIp();
      const loginOf = (e: string) => ({ query: `mutation { login(email: "${e}", password: "guess") { accessToken } }` });
      const batch = Array.from({ length: IP_LIMIT + 3 }, () => loginOf(uniqueEmail('batch')));
      const res = await kit.call('POST', '/graphql', { 'x-tenant-id': a.slug }, batch, ip);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body.split('AUTH_INVALID_CREDENTIALS').length - 1).toBeLessThanOrEqual(IP_LIMIT);
      expect(res.body).not.toContain('accessToken":"');
    });

    it('credential stuffing across tenants from one address shares one per-IP budget', async () => {
      const ip = freshIp();
      const tenants = [a.slug, b.slug];
      for (let i = 0; i < IP_LIMIT; i++)
        expect((await kit.login(tenants[i % 2] ?? a.slug, uniqueEmail('stuff'), 'guess', ip)).statusCode).toBe(401);
      expectProblem(await kit.login(b.slug, uniqueEmail('stuff'), 'guess', ip), 429, 'AUTH_RATE_LIMITED');
      expectGraphQLRefused(
        await kit.gql({ 'x-tenant-id': a.slug }, LOGIN, { e: uniqueEmail('stuff'), p: 'guess' }, ip),
        'AUTH_RATE_LIMITED',
        'login',
      );
    });

    it('a spoofed X-Forwarded-For does not reset the per-IP limit (default config)', async () => {
      const ip = freshIp();
      for (let i = 0; i < IP_LIMIT + 3; i++) {
        const res = await kit.call(
          'POST',
          '/api/v1/auth/login',
          { 'x-tenant-id': a.slug, 'x-forwarded-for': `203.0.113.${i + 1}` },
          { email: uniqueEmail('xff'), password: 'guess' },
          ip,
        );
        expect(res.statusCode, `attempt ${i + 1}`).toBe(i < IP_LIMIT ? 401 : 429);
      }
    });
  });
});

describeEachBackend('auth attacks: X-Forwarded-For with the production proxy setting', (backend) => {
  let kit: AttackKit;
  let a: TenantRef;

  beforeAll(async () => {
    kit = await attackPlatform(backend, { ...productionTrustProxy(), auth: { ip_attempts_per_minute: IP_LIMIT } });
    a = await kit.p.createTenant('xff-a');
  });
  afterAll(() => kit?.p.close());

  it('a client rotating X-Forwarded-For gets 429 AUTH_RATE_LIMITED after the limit (no proxy is trusted by default)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < IP_LIMIT + 5; i++) {
      const res = await kit.call(
        'POST',
        '/api/v1/auth/login',
        { 'x-tenant-id': a.slug, 'x-forwarded-for': `198.51.100.${i + 1}` },
        { email: uniqueEmail('xffprod'), password: 'guess' },
        '192.0.2.10',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array(IP_LIMIT).fill(401), ...Array(5).fill(429)]);
  });

  it('a client rotating X-Forwarded-For over GraphQL logins is limited the same way', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < IP_LIMIT + 2; i++) {
      const res = await kit.gql(
        { 'x-tenant-id': a.slug, 'x-forwarded-for': `198.51.100.${100 + i}` },
        LOGIN,
        { e: uniqueEmail('x'), p: 'guess' },
        '192.0.2.11',
      );
      codes.push(res.json<{ errors?: { extensions?: { code?: string } }[] }>().errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(IP_LIMIT)).toEqual(['AUTH_RATE_LIMITED', 'AUTH_RATE_LIMITED']);
  });
});
