import { createMemoryOutboundMessages, type MemoryOutboundMessages } from '@rustok/auth';
import type { TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  bearer,
  expectGraphQLRefused,
  expectProblem,
  PASSWORD,
  uniqueEmail,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 6: abuse of the account operations by someone holding a session or an
 * address: guessing the current password through a password change, flooding an address with
 * reset or verification messages, account operations with a tenant-switch token.
 */

const LOCKOUT = 3;
const NEW = 'a brand new passphrase';
const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { userId } }';
const settle = () => new Promise((resolve) => setImmediate(resolve));

describeEachBackend('auth attacks: password-change guessing, message flooding, switched accounts', (backend) => {
  let kit: AttackKit;
  let outbox: MemoryOutboundMessages;
  let t: TenantRef;

  const sentTo = (email: string, template: string) => outbox.sent.filter((m) => m.to === email && m.template === template).length;

  beforeAll(async () => {
    outbox = createMemoryOutboundMessages();
    kit = await attackPlatform(
      backend,
      {
        auth: { ip_attempts_per_minute: 10_000, lockout_threshold: LOCKOUT },
        settings: { rustok: { features: { email_verification: true } } },
      },
      outbox,
    );
    t = await kit.p.createTenant('abuse-a');
  });
  afterAll(() => kit?.p.close());

  it('guessing the current password through /auth/password locks the account (then 429 even with the right one)', async () => {
    const s = await kit.session(t, ['customer']);
    for (let i = 0; i < LOCKOUT; i++) {
      const res = await kit.call('POST', '/api/v1/auth/password', s.headers, { currentPassword: `guess ${i}`, newPassword: NEW });
      expectProblem(res, 422, 'AUTH_CURRENT_PASSWORD_WRONG');
    }
    const res = await kit.call('POST', '/api/v1/auth/password', s.headers, { currentPassword: PASSWORD, newPassword: NEW });
    expectProblem(res, 429, 'AUTH_ACCOUNT_LOCKED');
    expectProblem(await kit.login(t.slug, s.email, PASSWORD), 429, 'AUTH_ACCOUNT_LOCKED');
  });

  it('guessing the current password through GraphQL changePassword locks the account as well', async () => {
    const s = await kit.session(t, ['customer']);
    for (let i = 0; i < LOCKOUT; i++) {
      expectGraphQLRefused(await kit.gql(s.headers, CHANGE, { c: `guess ${i}`, n: NEW }), 'AUTH_CURRENT_PASSWORD_WRONG', 'changePassword');
    }
    expectGraphQLRefused(await kit.gql(s.headers, CHANGE, { c: PASSWORD, n: NEW }), 'AUTH_ACCOUNT_LOCKED', 'changePassword');
  });

  it('a password change needs a session: no token is 401 AUTH_REQUIRED (REST and GraphQL)', async () => {
    const open = { 'x-tenant-id': t.slug };
    expectProblem(
      await kit.call('POST', '/api/v1/auth/password', open, { currentPassword: PASSWORD, newPassword: NEW }),
      401,
      'AUTH_REQUIRED',
    );
    expectGraphQLRefused(await kit.gql(open, CHANGE, { c: PASSWORD, n: NEW }), 'AUTH_REQUIRED', 'changePassword');
  });

  it('flooding an address with reset requests sends at most 5 messages an hour, answered alike (202)', async () => {
    const s = await kit.session(t, ['customer']);
    for (let i = 0; i < 8; i++) {
      const res = await kit.call('POST', '/api/v1/auth/password-reset', { 'x-tenant-id': t.slug }, { email: s.email });
      expect([res.statusCode, res.body]).toEqual([202, '']);
    }
    await settle();
    expect(sentTo(s.email, 'password-reset')).toBe(5);
  });

  it('flooding an address with verification resends sends at most 5 messages an hour, answered alike (202)', async () => {
    const email = uniqueEmail('flood');
    expect((await kit.call('POST', '/api/v1/auth/register', { 'x-tenant-id': t.slug }, { email, password: NEW })).statusCode).toBe(201);
    for (let i = 0; i < 8; i++) {
      const res = await kit.call('POST', '/api/v1/auth/verify-email/resend', { 'x-tenant-id': t.slug }, { email });
      expect([res.statusCode, res.body]).toEqual([202, '']);
    }
    await settle();
    expect(sentTo(email, 'verify-email')).toBeLessThanOrEqual(5);
  });

  it('a tenant-switch token cannot change a password over GraphQL (AUTH_IMPERSONATION_NOT_ALLOWED)', async () => {
    const root = await kit.p.userWithToken((await kit.p.defaultTenant()).id, ['super_admin'], uniqueEmail('root'));
    const res = await kit.call('POST', `/api/v1/platform/tenants/${t.id}/switch`, root.headers, { reason: 'support ticket' });
    const token = res.json<{ accessToken: string }>().accessToken;
    const answer = await kit.gql(bearer(token, t.slug), CHANGE, { c: PASSWORD, n: NEW });
    expectGraphQLRefused(answer, 'AUTH_IMPERSONATION_NOT_ALLOWED', 'changePassword');
  });

  it('an unverified account cannot sign in, over REST or GraphQL (403 AUTH_EMAIL_NOT_VERIFIED)', async () => {
    const email = uniqueEmail('unverified');
    await kit.call('POST', '/api/v1/auth/register', { 'x-tenant-id': t.slug }, { email, password: NEW });
    expectProblem(await kit.login(t.slug, email, NEW), 403, 'AUTH_EMAIL_NOT_VERIFIED');
    const q = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    expectGraphQLRefused(await kit.gql({ 'x-tenant-id': t.slug }, q, { e: email, p: NEW }), 'AUTH_EMAIL_NOT_VERIFIED', 'login');
  });

  it('registration does not hand out a session to an unverified address', async () => {
    const res = await kit.call(
      'POST',
      '/api/v1/auth/register',
      { 'x-tenant-id': t.slug },
      { email: uniqueEmail('nosession'), password: NEW },
    );
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toMatch(/"accessToken":"[\w-]+\./);
    expect(res.body).not.toMatch(/"refreshToken":"[\w-]{20,}"/);
  });
});
