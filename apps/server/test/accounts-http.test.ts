import { createMemoryOutboundMessages, type MemoryOutboundMessages } from '@rustok/auth';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

type Headers = Record<string, string>;

const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code });
};

const PASSWORD = 'correct horse battery'; // the test kit's password
const NEW_PASSWORD = 'a brand new passphrase';

/** Lets the outbound port's after-commit send run (it is not awaited by the request). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describeEachBackend('accounts over HTTP: password change and reset, e-mail verification, revocation', (backend) => {
  let p: TestPlatform;
  let outbox: MemoryOutboundMessages;
  let t: TenantRef;
  let other: TenantRef;
  let counter = 0;

  const post = (url: string, payload: Record<string, unknown>, headers: Headers = { 'x-tenant-id': t.slug }) =>
    p.app.inject({ method: 'POST', url: `/api/v1/auth/${url}`, headers, payload });
  const me = (token: string, tenant = t.slug) =>
    p.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant } });
  const login = (email: string, password: string, tenant = t.slug) => post('login', { email, password }, { 'x-tenant-id': tenant });
  const tokenSent = async (to: string, template: 'verify-email' | 'password-reset') => {
    await settle();
    const message = outbox.last(to, template);
    expect(message, `a ${template} message to ${to}`).toBeDefined();
    expect(message?.tenantId).toBe(t.id);
    return message?.data.token ?? '';
  };
  const customer = async () => {
    const email = `acct${++counter}@example.com`;
    const user = await p.userWithToken(t.id, ['customer'], email);
    const session = (await login(email, PASSWORD)).json<{ accessToken: string; refreshToken: string }>();
    return { ...user, email, session };
  };

  beforeAll(async () => {
    outbox = createMemoryOutboundMessages();
    p = await createTestPlatform({
      backend,
      outbound: outbox,
      config: {
        auth: { ip_attempts_per_minute: 10_000, lockout_threshold: 3 },
        settings: { rustok: { features: { email_verification: true } } },
      },
    });
    t = await p.createTenant('acct-shop');
    other = await p.createTenant('acct-other');
  });
  afterAll(() => p?.close());

  it('changes the password: wrong current password is 422, other sessions end, this one gets a new token', async () => {
    const u = await customer();
    const second = (await login(u.email, PASSWORD)).json<{ accessToken: string; refreshToken: string }>();
    const headers = { authorization: `Bearer ${u.session.accessToken}`, 'x-tenant-id': t.slug };
    expectProblem(
      await post('password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD }, headers),
      422,
      'AUTH_CURRENT_PASSWORD_WRONG',
    );
    expectProblem(await post('password', { currentPassword: PASSWORD, newPassword: 'short' }, headers), 422, 'VALIDATION_FAILED');
    expectProblem(await post('password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 401, 'AUTH_REQUIRED');
    const changed = await post('password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, headers);
    expect(changed.statusCode, changed.body).toBe(200);
    const { accessToken } = changed.json<{ accessToken: string }>();
    expect((await me(accessToken)).statusCode).toBe(200);
    // Every access token issued before is refused at once; the other session's refresh token is revoked.
    expectProblem(await me(u.session.accessToken), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await me(second.accessToken), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await post('refresh', { refreshToken: second.refreshToken }), 401, 'AUTH_REFRESH_INVALID');
    // The caller's own session goes on.
    const refreshed = await post('refresh', { refreshToken: u.session.refreshToken });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect((await me(refreshed.json<{ accessToken: string }>().accessToken)).statusCode).toBe(200);
    expectProblem(await login(u.email, PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login(u.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password end to end: request, message, confirm, new password works, old fails, token spent', async () => {
    const u = await customer();
    const before = outbox.sent.length;
    const unknown = await post('password-reset', { email: 'nobody-here@example.com' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe('');
    const known = await post('password-reset', { email: u.email.toUpperCase() });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe('');
    const token = await tokenSent(u.email, 'password-reset');
    expect(outbox.sent.length).toBe(before + 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    // Not usable in another tenant, not with a weak password.
    expectProblem(
      await post('password-reset/confirm', { token, newPassword: NEW_PASSWORD }, { 'x-tenant-id': other.slug }),
      400,
      'AUTH_RESET_TOKEN_INVALID',
    );
    expectProblem(await post('password-reset/confirm', { token, newPassword: u.email }), 422, 'VALIDATION_FAILED');
    const confirmed = await post('password-reset/confirm', { token, newPassword: NEW_PASSWORD });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expectProblem(await login(u.email, PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login(u.email, NEW_PASSWORD)).statusCode).toBe(200);
    expectProblem(await post('password-reset/confirm', { token, newPassword: 'yet another passphrase' }), 400, 'AUTH_RESET_TOKEN_INVALID');
    // Every earlier session ended.
    expectProblem(await me(u.session.accessToken), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await post('refresh', { refreshToken: u.session.refreshToken }), 401, 'AUTH_REFRESH_INVALID');
    expectProblem(
      await post('password-reset/confirm', { token: 'x'.repeat(43), newPassword: NEW_PASSWORD }),
      400,
      'AUTH_RESET_TOKEN_INVALID',
    );
    // An address that cannot be an account's is not looked up (a NUL character would upset the database).
    for (const email of ['a\u0000b@example.com', 'no-at-sign']) {
      expect([202, 422]).toContain((await post('password-reset', { email })).statusCode);
      expect([202, 422]).toContain((await post('verify-email/resend', { email })).statusCode);
    }
  });

  it('sends at most 5 reset messages an hour to one account, and locks a password change after repeated wrong guesses', async () => {
    const u = await customer();
    const before = outbox.sent.filter((m) => m.to === u.email).length;
    for (let i = 0; i < 7; i++) expect((await post('password-reset', { email: u.email })).statusCode).toBe(202);
    await settle();
    expect(outbox.sent.filter((m) => m.to === u.email).length - before).toBe(5);

    const headers = { authorization: `Bearer ${u.session.accessToken}`, 'x-tenant-id': t.slug };
    const guess = () => post('password', { currentPassword: 'a wrong guess', newPassword: NEW_PASSWORD }, headers);
    for (let i = 0; i < p.config.auth.lockout_threshold; i++) expectProblem(await guess(), 422, 'AUTH_CURRENT_PASSWORD_WRONG');
    expectProblem(await guess(), 429, 'AUTH_ACCOUNT_LOCKED');
  });

  it('verifies an address end to end with email_verification on: register, message, verify, login; resend', async () => {
    const email = `verify${++counter}@example.com`;
    const registered = await post('register', { email, password: PASSWORD });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ verificationRequired: true, user: { emailVerified: false } });
    expect(registered.body).not.toContain('accessToken');
    expectProblem(await login(email, PASSWORD), 403, 'AUTH_EMAIL_NOT_VERIFIED');
    const first = await tokenSent(email, 'verify-email');
    expect(registered.body).not.toContain(first);
    // A resend sends a new token; both work until one is used.
    expect((await post('verify-email/resend', { email })).statusCode).toBe(202);
    expect((await post('verify-email/resend', { email: 'nobody-here@example.com' })).statusCode).toBe(202);
    const second = await tokenSent(email, 'verify-email');
    expect(second).not.toBe(first);
    const verified = await post('verify-email', { token: second });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ email, emailVerified: true });
    expect((await login(email, PASSWORD)).statusCode).toBe(200);
    expectProblem(await post('verify-email', { token: second }), 400, 'AUTH_VERIFICATION_INVALID');
    // Once verified, a resend sends nothing.
    const count = outbox.sent.length;
    expect((await post('verify-email/resend', { email })).statusCode).toBe(202);
    await settle();
    expect(outbox.sent.length).toBe(count);
  });

  it("lets an administrator mark a user's address verified, and reset a user's password", async () => {
    const admin = await p.userWithToken(t.id, ['admin']);
    const email = `unverified${++counter}@example.com`;
    const { user } = (await post('register', { email, password: PASSWORD })).json<{ user: { id: string } }>();
    const patch = (payload: unknown) =>
      p.app.inject({ method: 'PATCH', url: `/api/v1/auth/users/${user.id}`, headers: admin.headers, payload: payload as object });
    expectProblem(await patch({}), 422, 'VALIDATION_FAILED');
    const marked = await patch({ emailVerified: true });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ emailVerified: true, status: 'active' });
    expect((await login(email, PASSWORD)).statusCode).toBe(200);

    const reset = (payload: unknown, headers = admin.headers, id = user.id) =>
      p.app.inject({ method: 'POST', url: `/api/v1/auth/users/${id}/password-reset`, headers, payload: payload as object });
    const set = await reset({ newPassword: NEW_PASSWORD });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ outcome: 'set', user: { id: user.id } });
    expectProblem(await login(email, PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(200);
    const sent = await reset({});
    expect(sent.json()).toMatchObject({ outcome: 'sent' });
    const token = await tokenSent(email, 'password-reset');
    expect((await post('password-reset/confirm', { token, newPassword: 'the third passphrase' })).statusCode).toBe(204);
    expect((await login(email, 'the third passphrase')).statusCode).toBe(200);
    // A tenant admin cannot take over a super_admin; a customer cannot reset anyone.
    const root = await p.userWithToken(t.id, ['super_admin']);
    expectProblem(await reset({ newPassword: NEW_PASSWORD }, admin.headers, root.userId), 403, 'AUTH_USER_PROTECTED');
    const c = await customer();
    expectProblem(await reset({}, { authorization: `Bearer ${c.session.accessToken}`, 'x-tenant-id': t.slug }), 403, 'AUTH_FORBIDDEN');
  });

  it('refuses a disabled user’s access token at once, and its refresh token', async () => {
    const admin = await p.userWithToken(t.id, ['admin']);
    const u = await customer();
    expect((await me(u.session.accessToken)).statusCode).toBe(200);
    const disable = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/auth/users/${u.userId}`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expectProblem(await me(u.session.accessToken), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await me(u.token), 401, 'AUTH_TOKEN_REVOKED');
    expectProblem(await post('refresh', { refreshToken: u.session.refreshToken }), 401, 'AUTH_REFRESH_INVALID');
    expectProblem(await login(u.email, PASSWORD), 403, 'AUTH_USER_DISABLED');
    // Re-enabled: old tokens stay revoked, a new login works.
    const enable = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/auth/users/${u.userId}`,
      headers: admin.headers,
      payload: { status: 'active' },
    });
    expect(enable.statusCode).toBe(200);
    expectProblem(await me(u.session.accessToken), 401, 'AUTH_TOKEN_REVOKED');
    const again = (await login(u.email, PASSWORD)).json<{ accessToken: string }>();
    expect((await me(again.accessToken)).statusCode).toBe(200);
  });

  it("refuses every token of a deactivated tenant's users", async () => {
    const gone = await p.createTenant(`gone-${++counter}`);
    const user = await p.userWithToken(gone.id, ['admin']);
    expect((await me(user.token, gone.slug)).statusCode).toBe(200);
    const root = await p.userWithToken((await p.defaultTenant()).id, ['super_admin']);
    const patched = await p.app.inject({
      method: 'PATCH',
      url: `/api/v1/platform/tenants/${gone.id}`,
      headers: root.headers,
      payload: { isActive: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expectProblem(await me(user.token, gone.slug), 403, 'TENANT_INACTIVE');
  });
});
