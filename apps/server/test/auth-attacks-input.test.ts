import type { TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  expectGraphQLRefused,
  expectProblem,
  type GraphQLAnswer,
  PASSWORD,
  type Session,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 4: tricks in the auth fields (SQL, NUL, overlong values, case and Unicode
 * variants of an existing address, JSON type confusion, prototype pollution) and enumeration
 * (an unknown address and a wrong password answer alike; registration of a taken address says no
 * more than that).
 */

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const NEW = 'a perfectly good password';

describeEachBackend('auth attacks: input tricks and enumeration', (backend) => {
  let kit: AttackKit;
  let a: TenantRef;
  let b: TenantRef;
  let victim: Session;

  const register = (body: unknown, tenant = a.slug) => kit.call('POST', '/api/v1/auth/register', { 'x-tenant-id': tenant }, body);
  const loginBody = (body: unknown, tenant = a.slug) => kit.call('POST', '/api/v1/auth/login', { 'x-tenant-id': tenant }, body);
  const gqlLogin = (e: string, p: string, tenant = a.slug) => kit.gql({ 'x-tenant-id': tenant }, LOGIN, { e, p });
  /** The victim's account still answers to its own password only, with its own id. */
  const victimIntact = async () => {
    const res = await kit.login(a.slug, victim.email);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ user: { id: string } }>().user.id).toBe(victim.userId);
  };

  beforeAll(async () => {
    kit = await attackPlatform(backend, { auth: { ip_attempts_per_minute: 10_000, lockout_threshold: 1000 } });
    a = await kit.p.createTenant('input-a');
    b = await kit.p.createTenant('input-b');
    victim = await kit.session(a, ['admin'], 'victim.user@example.com');
  });
  afterAll(() => kit?.p.close());

  it.each([
    { email: "' OR '1'='1", password: "' OR '1'='1" },
    { email: "victim.user@example.com'--", password: 'x' },
    { email: 'victim.user@example.com', password: "' OR ''='" },
    { email: "x@example.com' UNION SELECT password_hash FROM users --", password: 'x' },
    { email: '%@example.com', password: PASSWORD },
    { email: '_ictim.user@example.com', password: PASSWORD },
    { email: 'victim.user@example.com; DROP TABLE users', password: PASSWORD },
  ])('login with SQL-ish $email / $password fails as wrong credentials (REST and GraphQL)', async ({ email, password }) => {
    expectProblem(await kit.login(a.slug, email, password), 401, 'AUTH_INVALID_CREDENTIALS');
    expectGraphQLRefused(await gqlLogin(email, password), 'AUTH_INVALID_CREDENTIALS', 'login');
    await victimIntact();
  });

  it('registration with an SQL-ish address is refused as a bad address (422)', async () => {
    expectProblem(await register({ email: "a'); DELETE FROM users; --", password: NEW }), 422, 'VALIDATION_FAILED');
    await victimIntact();
  });

  it.each([
    { name: 'login e-mail', call: () => kit.login(a.slug, 'victim.user@example.com\u0000', PASSWORD) },
    { name: 'login password', call: () => kit.login(a.slug, 'victim.user@example.com', `${PASSWORD}\u0000`) },
    { name: 'register e-mail', call: () => register({ email: 'nul\u0000@example.com', password: NEW }) },
    { name: 'register name', call: () => register({ email: uniqueEmail('nul'), password: NEW, name: 'Ann\u0000' }) },
    {
      name: 'refresh token',
      call: () => kit.call('POST', '/api/v1/auth/refresh', { 'x-tenant-id': a.slug }, { refreshToken: 'abc\u0000def' }),
    },
  ])('a NUL character in the $name is refused with 422, never a 500', async ({ call }) => {
    expectProblem(await call(), 422);
  });

  it('a NUL character in a GraphQL login is refused with a coded error, never INTERNAL_ERROR', async () => {
    const body = (await gqlLogin('victim.user@example.com\u0000', PASSWORD)).json<GraphQLAnswer>();
    expect(body.data?.login ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    { name: 'a 300-character login e-mail', body: () => ({ email: `${'a'.repeat(290)}@example.com`, password: PASSWORD }) },
    { name: 'a 129-character login password', body: () => ({ email: victim.email, password: 'p'.repeat(129) }) },
    { name: 'a 100,000-character login password', body: () => ({ email: victim.email, password: 'p'.repeat(100_000) }) },
  ])('login refuses $name with 422', async ({ body }) => {
    expectProblem(await loginBody(body()), 422, 'VALIDATION_FAILED');
  });

  it.each([
    { name: 'a 300-character e-mail', body: () => ({ email: `${'a'.repeat(290)}@example.com`, password: NEW }) },
    { name: 'a 129-character password', body: () => ({ email: uniqueEmail('long'), password: 'p'.repeat(129) }) },
    { name: 'a 1,000-character name', body: () => ({ email: uniqueEmail('long'), password: NEW, name: 'n'.repeat(1000) }) },
  ])('registration refuses $name with 422', async ({ body }) => {
    expectProblem(await register(body()), 422, 'VALIDATION_FAILED');
  });

  it('GraphQL login refuses an overlong password with VALIDATION_FAILED', async () => {
    expectGraphQLRefused(await gqlLogin(victim.email, 'p'.repeat(10_000)), 'VALIDATION_FAILED', 'login');
  });

  it.each([
    { name: 'upper case', email: 'VICTIM.USER@EXAMPLE.COM' },
    { name: 'mixed case', email: 'Victim.User@Example.com' },
    { name: 'surrounding spaces', email: '  victim.user@example.com ' },
    { name: 'tab and newline padding', email: '\tvictim.user@example.com\n' },
    { name: 'a fullwidth at sign', email: 'victim.user\uff20example.com' },
    { name: 'fullwidth letters', email: 'ｖｉｃｔｉｍ.user@example.com' },
  ])('registration of the taken address in $name creates no second account (409 AUTH_EMAIL_TAKEN)', async ({ email }) => {
    expectProblem(await register({ email, password: NEW }), 409, 'AUTH_EMAIL_TAKEN');
    expectProblem(await kit.login(a.slug, victim.email, NEW), 401, 'AUTH_INVALID_CREDENTIALS');
    await victimIntact();
  });

  it('an accented address is refused in composed and decomposed (NFD) form alike (422 VALIDATION_FAILED, no second account)', async () => {
    const composed = `jos\u00e9.${Date.now()}@example.com`;
    expectProblem(await register({ email: composed, password: NEW }), 422, 'VALIDATION_FAILED');
    expectProblem(await register({ email: composed.normalize('NFD'), password: NEW }), 422, 'VALIDATION_FAILED');
  });

  it.each([
    { name: 'Cyrillic і for i', email: 'v\u0456ctim.user@example.com' },
    { name: 'dotted capital İ', email: 'V\u0130CTIM.USER@EXAMPLE.COM' },
    { name: 'a zero-width space', email: 'victim\u200b.user@example.com' },
  ])("a lookalike address ($name) never logs into the victim's account", async ({ email }) => {
    const res = await kit.login(a.slug, email);
    expectProblem(res, 401, 'AUTH_INVALID_CREDENTIALS');
    expectGraphQLRefused(await gqlLogin(email, PASSWORD), 'AUTH_INVALID_CREDENTIALS', 'login');
  });

  it.each([
    { name: 'an operator object as e-mail', body: { email: { $ne: null }, password: PASSWORD } },
    { name: 'an operator object as password', body: { email: 'victim.user@example.com', password: { $ne: null } } },
    { name: 'two addresses in an array', body: { email: ['x@example.com', 'victim.user@example.com'], password: PASSWORD } },
    { name: 'null e-mail', body: { email: null, password: PASSWORD } },
    { name: 'null password', body: { email: 'victim.user@example.com', password: null } },
    { name: 'a regular-expression object', body: { email: { $regex: '.*' }, password: PASSWORD } },
    { name: 'an empty password', body: { email: 'victim.user@example.com', password: '' } },
    { name: 'no password at all', body: { email: 'victim.user@example.com' } },
  ])('login refuses $name with 422', async ({ body }) => {
    expectProblem(await loginBody(body), 422, 'VALIDATION_FAILED');
  });

  it.each([
    { name: 'a password array holding a wrong guess', body: { email: 'victim.user@example.com', password: ['wrong'] } },
    { name: 'a boolean password', body: { email: 'victim.user@example.com', password: true } },
    { name: 'a numeric password', body: { email: 'victim.user@example.com', password: 12345678 } },
  ])('login with $name never signs in', async ({ body }) => {
    const res = await loginBody(body);
    expect([401, 422], res.body).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('GraphQL login refuses a list or an object for the e-mail argument', async () => {
    for (const e of [['victim.user@example.com'], { $ne: null }]) {
      const body = (await kit.gql({ 'x-tenant-id': a.slug }, LOGIN, { e, p: PASSWORD })).json<GraphQLAnswer>();
      expect(body.data?.login ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_ERROR');
    }
  });

  it.each([
    { name: '__proto__', raw: (e: string) => `{"email":"${e}","password":"${NEW}","__proto__":{"roles":["super_admin"],"isAdmin":true}}` },
    {
      name: 'constructor.prototype',
      raw: (e: string) => `{"email":"${e}","password":"${NEW}","constructor":{"prototype":{"roles":["super_admin"]}}}`,
    },
    {
      name: 'a nested __proto__ in name',
      raw: (e: string) => `{"email":"${e}","password":"${NEW}","name":{"__proto__":{"roles":["super_admin"]}}}`,
    },
  ])('registration with a $name key is refused (4xx problem) and pollutes nothing', async ({ raw }) => {
    const email = uniqueEmail('proto');
    const res = await kit.p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'x-tenant-id': a.slug, 'content-type': 'application/json' },
      payload: raw(email),
    });
    expect([400, 422], res.body).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expectProblem(await kit.login(a.slug, email, NEW), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('an unknown address and a wrong password answer alike over REST (status, code, title, detail)', async () => {
    const unknown = await kit.login(a.slug, 'nobody.here@example.com', 'whatever it is');
    const wrong = await kit.login(a.slug, victim.email, 'whatever it is');
    expect(unknown.statusCode).toBe(401);
    const { instance: _i1, ...u } = unknown.json<Record<string, unknown>>();
    const { instance: _i2, ...w } = wrong.json<Record<string, unknown>>();
    expect(w).toEqual(u);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
  });

  it('an unknown address and a wrong password answer alike over GraphQL', async () => {
    const strip = (r: GraphQLAnswer) => r.errors?.map((e) => ({ message: e.message, extensions: e.extensions }));
    const unknown = (await gqlLogin('nobody.here@example.com', 'whatever it is')).json<GraphQLAnswer>();
    const wrong = (await gqlLogin(victim.email, 'whatever it is')).json<GraphQLAnswer>();
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(unknown.errors?.[0]?.extensions?.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('an address of tenant A tried at tenant B answers like an unknown one (no cross-tenant account probe)', async () => {
    const there = (await kit.login(b.slug, victim.email, PASSWORD)).json<Record<string, unknown>>();
    const nobody = (await kit.login(b.slug, 'nobody.here@example.com', PASSWORD)).json<Record<string, unknown>>();
    expect({ ...there, instance: undefined }).toEqual({ ...nobody, instance: undefined });
    expect(there.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('a disabled account with a wrong password answers like an unknown address', async () => {
    const s = await kit.session(a, ['customer']);
    await kit.call('PATCH', `/api/v1/auth/users/${s.userId}`, victim.headers, { status: 'disabled' });
    const disabled = (await kit.login(a.slug, s.email, 'a wrong guess')).json<Record<string, unknown>>();
    const nobody = (await kit.login(a.slug, 'nobody.here@example.com', 'a wrong guess')).json<Record<string, unknown>>();
    expect({ ...disabled, instance: undefined }).toEqual({ ...nobody, instance: undefined });
  });

  it('registration of a taken address says only that (409), changes nothing of the account and leaks none of it', async () => {
    const res = await register({ email: victim.email, password: NEW, name: 'Mallory' });
    const body = expectProblem(res, 409, 'AUTH_EMAIL_TAKEN');
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'status', 'title']));
    expect(res.body).not.toContain(victim.userId);
    expect(res.body).not.toMatch(/admin|password_hash|argon/i);
    expectProblem(await kit.login(a.slug, victim.email, NEW), 401, 'AUTH_INVALID_CREDENTIALS');
    await victimIntact();
  });

  it('a password-reset request answers alike for a known and an unknown address (202, empty)', async () => {
    const known = await kit.call('POST', '/api/v1/auth/password-reset', { 'x-tenant-id': a.slug }, { email: victim.email });
    const unknown = await kit.call('POST', '/api/v1/auth/password-reset', { 'x-tenant-id': a.slug }, { email: 'nobody.here@example.com' });
    expect([known.statusCode, known.body]).toEqual([202, '']);
    expect([unknown.statusCode, unknown.body]).toEqual([202, '']);
  });

  it('a verification resend answers alike for a known and an unknown address (202, empty)', async () => {
    const known = await kit.call('POST', '/api/v1/auth/verify-email/resend', { 'x-tenant-id': a.slug }, { email: victim.email });
    const unknown = await kit.call(
      'POST',
      '/api/v1/auth/verify-email/resend',
      { 'x-tenant-id': a.slug },
      { email: 'nobody.here@example.com' },
    );
    expect([known.statusCode, known.body]).toEqual([202, '']);
    expect([unknown.statusCode, unknown.body]).toEqual([202, '']);
  });
});
