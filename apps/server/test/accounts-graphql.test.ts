import { createMemoryOutboundMessages, type MemoryOutboundMessages } from '@rustok/auth';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, graphqlClient, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const PASSWORD = 'correct horse battery'; // the test kit's password
const settle = () => new Promise((resolve) => setImmediate(resolve));

describeEachBackend('account mutations over GraphQL', (backend) => {
  let p: TestPlatform;
  let outbox: MemoryOutboundMessages;
  let t: TenantRef;
  const { data, codes } = graphqlClient(() => p);
  const inTenant = (): Record<string, string> => ({ 'x-tenant-id': t.slug });
  const login = (email: string, password: string) =>
    p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: inTenant(), payload: { email, password } });

  beforeAll(async () => {
    outbox = createMemoryOutboundMessages();
    p = await createTestPlatform({
      backend,
      outbound: outbox,
      config: { auth: { ip_attempts_per_minute: 10_000 }, settings: { rustok: { features: { email_verification: true } } } },
    });
    t = await p.createTenant('gql-accounts');
  });
  afterAll(() => p?.close());

  it('resets a password: requestPasswordReset → message → confirmPasswordReset; the token works once', async () => {
    await p.userWithToken(t.id, ['customer'], 'gql-reset@example.com');
    const request = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
    expect(await data('requestPasswordReset', inTenant(), request, { email: 'nobody@example.com' })).toBe(true);
    expect(await data('requestPasswordReset', inTenant(), request, { email: 'gql-reset@example.com' })).toBe(true);
    await settle();
    const token = outbox.last('gql-reset@example.com', 'password-reset')?.data.token;
    expect(token).toBeDefined();
    const confirm = 'mutation ($token: String!, $pw: String!) { confirmPasswordReset(token: $token, newPassword: $pw) }';
    expect(await codes(inTenant(), confirm, { token, pw: 'short' })).toEqual(['VALIDATION_FAILED']);
    expect(await data('confirmPasswordReset', inTenant(), confirm, { token, pw: 'reset over graphql' })).toBe(true);
    expect(await codes(inTenant(), confirm, { token, pw: 'reset over graphql 2' })).toEqual(['AUTH_RESET_TOKEN_INVALID']);
    expect((await login('gql-reset@example.com', PASSWORD)).statusCode).toBe(401);
    expect((await login('gql-reset@example.com', 'reset over graphql')).statusCode).toBe(200);
    expect(await codes(inTenant(), request, { email: `a\u0000b@example.com` })).toEqual(['VALIDATION_FAILED']);
  });

  it('changes a password with changePassword (authenticated only)', async () => {
    const user = await p.userWithToken(t.id, ['customer'], 'gql-change@example.com');
    const change =
      'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { userId accessToken expiresIn } }';
    expect(await codes(inTenant(), change, { c: PASSWORD, n: 'changed over graphql' })).toEqual(['AUTH_REQUIRED']);
    expect(await codes(user.headers, change, { c: 'wrong one!', n: 'changed over graphql' })).toEqual(['AUTH_CURRENT_PASSWORD_WRONG']);
    const changed = await data<{ userId: string; accessToken: string }>('changePassword', user.headers, change, {
      c: PASSWORD,
      n: 'changed over graphql',
    });
    expect(changed.userId).toBe(user.userId);
    expect((await login('gql-change@example.com', 'changed over graphql')).statusCode).toBe(200);
    // The token used for the change belongs to an older generation now.
    expect(await codes(user.headers, change, { c: 'changed over graphql', n: 'and once more' })).toEqual(['AUTH_TOKEN_REVOKED']);
  });

  it('verifies an address with verifyEmail after registration, and resends with resendEmailVerification', async () => {
    const email = 'gql-verify@example.com';
    const registered = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: inTenant(),
      payload: { email, password: PASSWORD },
    });
    expect(registered.statusCode).toBe(201);
    const resend = 'mutation ($email: String!) { resendEmailVerification(email: $email) }';
    expect(await data('resendEmailVerification', inTenant(), resend, { email })).toBe(true);
    await settle();
    const token = outbox.last(email, 'verify-email')?.data.token;
    const verify = 'mutation ($token: String!) { verifyEmail(token: $token) }';
    expect(await data('verifyEmail', inTenant(), verify, { token })).toBe(true);
    expect(await codes(inTenant(), verify, { token })).toEqual(['AUTH_VERIFICATION_INVALID']);
    expect((await login(email, PASSWORD)).statusCode).toBe(200);
  });

  it('switches a platform administrator into a tenant with switchTenant, audited', async () => {
    const home = await p.defaultTenant();
    const root = await p.userWithToken(home.id, ['super_admin']);
    const admin = await p.userWithToken(t.id, ['admin']);
    const mutation =
      'mutation ($id: ID!, $reason: String!) { switchTenant(tenantId: $id, reason: $reason) { switchId accessToken expiresIn tenantId impersonatedByUserId } }';
    expect(await codes(admin.headers, mutation, { id: home.id, reason: 'try' })).toEqual(['AUTH_FORBIDDEN']);
    expect(await codes(root.headers, mutation, { id: t.id, reason: '   ' })).toEqual(['VALIDATION_FAILED']);
    const switched = await data<{
      switchId: string;
      accessToken: string;
      expiresIn: number;
      tenantId: string;
      impersonatedByUserId: string;
    }>('switchTenant', root.headers, mutation, { id: t.id, reason: 'graphql support' });
    expect(switched).toMatchObject({ tenantId: t.id, impersonatedByUserId: root.userId, expiresIn: 900 });
    const me = await p.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${switched.accessToken}`, 'x-tenant-id': t.slug },
    });
    expect(me.json()).toMatchObject({ id: root.userId, impersonatedBy: { userId: root.userId, tenantId: home.id } });
    const { rows } = await p.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sys_events WHERE type = 'auth.tenant.switched' AND envelope->'payload'->>'switchId' = $1",
      [switched.switchId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});
