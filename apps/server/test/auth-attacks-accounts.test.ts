import { randomBytes } from 'node:crypto';
import { createMemoryOutboundMessages, forgetKeyRing, type MemoryOutboundMessages, rotateSigningKey } from '@rustok/auth';
import type { TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  bearer,
  changeRows,
  expectGraphQLRefused,
  expectProblem,
  type Headers,
  PASSWORD,
  type Session,
  tamper,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 5: the account features. Password-reset and verification tokens (reuse,
 * guesses, expiry, another tenant, one used as the other), another tenant's user, the platform
 * administrator's tenant switch (a third tenant, switching again, by a non-platform admin, after
 * the admin is disabled) and tokens signed by a retired key.
 */

const NEW = 'a brand new passphrase';
const RESET_INVALID = 'AUTH_RESET_TOKEN_INVALID';
const VERIFY_INVALID = 'AUTH_VERIFICATION_INVALID';
const settle = () => new Promise((resolve) => setImmediate(resolve));

describeEachBackend('auth attacks: password reset, verification, tenant switch, retired keys', (backend) => {
  let kit: AttackKit;
  let outbox: MemoryOutboundMessages;
  let a: TenantRef;
  let b: TenantRef;
  let c: TenantRef;
  let adminA: Session;
  let root: { userId: string; token: string; headers: Headers };

  const post = (url: string, payload: unknown, headers: Headers) => kit.call('POST', `/api/v1/auth/${url}`, headers, payload);
  const open = (tenant: TenantRef): Headers => ({ 'x-tenant-id': tenant.slug });
  const resetTokenOf = async (s: Session, tenant = a) => {
    expect((await post('password-reset', { email: s.email }, open(tenant))).statusCode).toBe(202);
    await settle();
    const token = outbox.last(s.email, 'password-reset')?.data.token;
    expect(token, 'a reset message').toBeDefined();
    return token ?? '';
  };
  const verificationTokenOf = async (tenant: TenantRef) => {
    const email = uniqueEmail('verify');
    expect((await post('register', { email, password: NEW }, open(tenant))).statusCode).toBe(201);
    await settle();
    return { email, token: outbox.last(email, 'verify-email')?.data.token ?? '' };
  };
  const confirm = (token: string, tenant = a, newPassword = NEW) => post('password-reset/confirm', { token, newPassword }, open(tenant));
  const gqlConfirm = (token: string, tenant = a) =>
    kit.gql(open(tenant), 'mutation ($t: String!, $p: String!) { confirmPasswordReset(token: $t, newPassword: $p) }', { t: token, p: NEW });
  const switchTo = (tenant: TenantRef, headers: Headers) =>
    kit.call('POST', `/api/v1/platform/tenants/${tenant.id}/switch`, headers, { reason: 'support ticket' });
  const switched = async (tenant: TenantRef) => {
    const res = await switchTo(tenant, root.headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  };

  beforeAll(async () => {
    outbox = createMemoryOutboundMessages();
    kit = await attackPlatform(
      backend,
      { auth: { ip_attempts_per_minute: 10_000 }, settings: { rustok: { features: { email_verification: true } } } },
      outbox,
    );
    a = await kit.p.createTenant('acct-atk-a');
    b = await kit.p.createTenant('acct-atk-b');
    c = await kit.p.createTenant('acct-atk-c');
    adminA = await kit.session(a, ['admin']);
    root = await kit.p.userWithToken((await kit.p.defaultTenant()).id, ['super_admin'], uniqueEmail('root'));
  });
  afterAll(() => kit?.p.close());

  it('a reset token works once: reuse is refused (REST, then GraphQL)', async () => {
    const s = await kit.session(a, ['customer']);
    const token = await resetTokenOf(s);
    expect((await confirm(token)).statusCode).toBe(204);
    expectProblem(await confirm(token, a, 'yet another passphrase'), 400, RESET_INVALID);
    expectGraphQLRefused(await gqlConfirm(token), RESET_INVALID, 'confirmPasswordReset');
    expectProblem(await kit.login(a.slug, s.email, 'yet another passphrase'), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it.each([
    { name: 'a random token of the right shape', token: () => randomBytes(32).toString('base64url') },
    { name: 'an empty-ish token', token: () => 'x' },
    { name: 'a SQL string', token: () => "' OR 1=1 --" },
    { name: 'a wildcard', token: () => '%' },
  ])('a guessed reset token ($name) is refused (REST and GraphQL)', async ({ token }) => {
    const t = token();
    const res = await confirm(t);
    expect([400, 422], res.body).toContain(res.statusCode);
    if (res.statusCode === 400) expectProblem(res, 400, RESET_INVALID);
    expectGraphQLRefused(await gqlConfirm(t), [RESET_INVALID, 'VALIDATION_FAILED'], 'confirmPasswordReset');
  });

  it('an expired reset token is refused', async () => {
    const s = await kit.session(a, ['customer']);
    const token = await resetTokenOf(s);
    await changeRows(kit.p, a.id, "UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1", [s.userId]);
    expectProblem(await confirm(token), 400, RESET_INVALID);
    expect((await kit.login(a.slug, s.email, PASSWORD)).statusCode).toBe(200);
  });

  it("tenant A's reset token is refused at tenant B and stays usable at A", async () => {
    const s = await kit.session(a, ['customer']);
    const token = await resetTokenOf(s);
    expectProblem(await confirm(token, b), 400, RESET_INVALID);
    expectGraphQLRefused(await gqlConfirm(token, b), RESET_INVALID, 'confirmPasswordReset');
    expect((await confirm(token, a)).statusCode).toBe(204);
  });

  it('a reset token of one user cannot be swapped for another: the reset changes only its own account', async () => {
    const victim = await kit.session(a, ['admin']);
    const attacker = await kit.session(a, ['customer']);
    expect((await confirm(await resetTokenOf(attacker))).statusCode).toBe(204);
    expect((await kit.login(a.slug, victim.email, PASSWORD)).statusCode).toBe(200);
    expectProblem(await kit.login(a.slug, victim.email, NEW), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it("tenant A's admin cannot trigger a reset for tenant B's user (404), and no message goes out", async () => {
    const victim = await kit.session(b, ['customer']);
    const before = outbox.sent.length;
    expectProblem(
      await kit.call('POST', `/api/v1/auth/users/${victim.userId}/password-reset`, adminA.headers, {}),
      404,
      'AUTH_USER_NOT_FOUND',
    );
    await settle();
    expect(outbox.sent.length).toBe(before);
  });

  it('a reset request for a tenant-B address made at tenant A sends nothing', async () => {
    const victim = await kit.session(b, ['customer']);
    const before = outbox.sent.length;
    expect((await post('password-reset', { email: victim.email }, open(a))).statusCode).toBe(202);
    await settle();
    expect(outbox.sent.length).toBe(before);
  });

  it('after a reset, the old access and refresh tokens are dead', async () => {
    const s = await kit.session(a, ['customer']);
    expect((await confirm(await resetTokenOf(s))).statusCode).toBe(204);
    expectProblem(await kit.call('GET', '/api/v1/auth/me', s.headers), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await post('refresh', { refreshToken: s.refreshToken }, open(a)), 401, 'AUTH_REFRESH_INVALID');
  });

  it('a verification token is refused as a reset token', async () => {
    const { token } = await verificationTokenOf(a);
    expectProblem(await confirm(token), 400, RESET_INVALID);
  });

  it('a reset token is refused as a verification token', async () => {
    const s = await kit.session(a, ['customer']);
    expectProblem(await post('verify-email', { token: await resetTokenOf(s) }, open(a)), 400, VERIFY_INVALID);
  });

  it("tenant A's verification token is refused at tenant B (REST and GraphQL)", async () => {
    const { token } = await verificationTokenOf(a);
    expectProblem(await post('verify-email', { token }, open(b)), 400, VERIFY_INVALID);
    expectGraphQLRefused(
      await kit.gql(open(b), 'mutation ($t: String!) { verifyEmail(token: $t) }', { t: token }),
      VERIFY_INVALID,
      'verifyEmail',
    );
  });

  it('a guessed verification token is refused and verifies nobody', async () => {
    const { email } = await verificationTokenOf(a);
    expectProblem(await post('verify-email', { token: randomBytes(32).toString('base64url') }, open(a)), 400, VERIFY_INVALID);
    expectProblem(await kit.login(a.slug, email, NEW), 403, 'AUTH_EMAIL_NOT_VERIFIED');
  });

  it('an expired verification token is refused', async () => {
    const { email, token } = await verificationTokenOf(a);
    await changeRows(
      kit.p,
      a.id,
      "UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)",
      [email],
    );
    expectProblem(await post('verify-email', { token }, open(a)), 400, VERIFY_INVALID);
    expectProblem(await kit.login(a.slug, email, NEW), 403, 'AUTH_EMAIL_NOT_VERIFIED');
  });

  it('a used verification token cannot be used again', async () => {
    const { token } = await verificationTokenOf(a);
    expect((await post('verify-email', { token }, open(a))).statusCode).toBe(200);
    expectProblem(await post('verify-email', { token }, open(a)), 400, VERIFY_INVALID);
  });

  it('a switched token is refused in a third tenant (401 AUTH_TOKEN_INVALID)', async () => {
    const token = await switched(a);
    expectProblem(await kit.call('GET', '/api/v1/auth/users', bearer(token, c.slug)), 401, 'AUTH_TOKEN_INVALID');
    expectGraphQLRefused(await kit.gql(bearer(token, c.slug), '{ users { items { id } } }'), 'AUTH_TOKEN_INVALID', 'users');
  });

  it('a switched token cannot switch again (REST and GraphQL)', async () => {
    const token = await switched(a);
    const res = await switchTo(c, bearer(token, a.slug));
    expect(res.statusCode, res.body).toBe(403);
    expect(['AUTH_FORBIDDEN', 'AUTH_IMPERSONATION_NOT_ALLOWED']).toContain(res.json<{ code: string }>().code);
    const q = 'mutation ($t: ID!) { switchTenant(tenantId: $t, reason: "again") { accessToken } }';
    expectGraphQLRefused(
      await kit.gql(bearer(token, a.slug), q, { t: c.id }),
      ['AUTH_FORBIDDEN', 'AUTH_IMPERSONATION_NOT_ALLOWED'],
      'switchTenant',
    );
  });

  it('a switched token gives no platform administration (tenants list, create)', async () => {
    const token = await switched(a);
    const res = await kit.call('GET', '/api/v1/platform/tenants', bearer(token, a.slug));
    expect([401, 403], res.body).toContain(res.statusCode);
  });

  it('a switched token cannot grant super_admin in the tenant', async () => {
    const token = await switched(a);
    const s = await kit.session(a, ['customer']);
    const res = await kit.call('PUT', `/api/v1/auth/users/${s.userId}/roles`, bearer(token, a.slug), { roles: ['super_admin'] });
    expectProblem(res, 403, 'AUTH_ROLE_NOT_GRANTABLE');
  });

  it("a switched token cannot change the impersonated tenant's passwords through /auth/password", async () => {
    const token = await switched(a);
    const res = await post('password', { currentPassword: PASSWORD, newPassword: NEW }, bearer(token, a.slug));
    expectProblem(res, 403, 'AUTH_IMPERSONATION_NOT_ALLOWED');
  });

  it('a tenant admin or a customer cannot switch tenants (403 AUTH_FORBIDDEN)', async () => {
    expectProblem(await switchTo(b, adminA.headers), 403, 'AUTH_FORBIDDEN');
    expectProblem(await switchTo(b, (await kit.session(a, ['customer'])).headers), 403, 'AUTH_FORBIDDEN');
  });

  it('a switched token with impersonatedBy rewritten to another admin is refused', async () => {
    const token = await switched(a);
    const forged = tamper(token, { payload: { impersonatedBy: { userId: adminA.userId, tenantId: a.id } } });
    expectProblem(await kit.call('GET', '/api/v1/auth/users', bearer(forged, a.slug)), 401, 'AUTH_TOKEN_INVALID');
  });

  it('a switched token dies when the platform admin is disabled', async () => {
    const home = await kit.p.defaultTenant();
    const admin2 = await kit.p.userWithToken(home.id, ['super_admin'], uniqueEmail('root2'));
    const res = await switchTo(a, admin2.headers);
    const token = res.json<{ accessToken: string }>().accessToken;
    expect((await kit.call('GET', '/api/v1/auth/users', bearer(token, a.slug))).statusCode).toBe(200);
    await changeRows(kit.p, home.id, "UPDATE users SET status = 'disabled' WHERE id = $1", [admin2.userId]);
    expectProblem(await kit.call('GET', '/api/v1/auth/users', bearer(token, a.slug)), 401, 'AUTH_TOKEN_REVOKED');
  });

  it('a switch into an unknown or inactive tenant is refused', async () => {
    expectProblem(
      await kit.call('POST', `/api/v1/platform/tenants/${adminA.userId}/switch`, root.headers, { reason: 'x' }),
      404,
      'TENANT_NOT_FOUND',
    );
  });

  it('tokens signed by a retired key are refused; the current key still works (runs last: rotates keys)', async () => {
    const old = await kit.session(a, ['customer']);
    await rotateSigningKey(kit.p.database.db, kit.p.config.auth);
    expect((await kit.call('GET', '/api/v1/auth/me', old.headers)).statusCode).toBe(200); // until it is retired
    await kit.p.database.db.query("UPDATE sys_signing_keys SET retired_at = now() - interval '1 second' WHERE retired_at IS NOT NULL");
    forgetKeyRing(kit.p.database.db);
    expectProblem(await kit.call('GET', '/api/v1/auth/me', old.headers), 401, 'AUTH_TOKEN_INVALID');
    expectGraphQLRefused(await kit.gql(old.headers, '{ me { id } }'), 'AUTH_TOKEN_INVALID', 'me');
    const fresh = await kit.session(a, ['customer']);
    expect((await kit.call('GET', '/api/v1/auth/me', fresh.headers)).statusCode).toBe(200);
  });
});
