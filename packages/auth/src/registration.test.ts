import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login } from './login.js';
import { registerUser } from './register.js';
import { type AuthFixture, openAuth } from './test-fixtures/auth.js';
import { codeOf } from './test-fixtures/errors.js';
import { verifyEmail } from './verify-email.js';

describeEachBackend('registration switches and e-mail verification', (backend) => {
  let f: AuthFixture;
  let tenantId: string;

  beforeAll(async () => {
    f = await openAuth(backend);
    tenantId = await f.createTenant('signup');
  });
  afterAll(() => f.close());

  it('refuses registration when the tenant turned it off (403)', async () => {
    const ctx = f.ctx(tenantId, { features: { registration_enabled: false } });
    expect(await codeOf(registerUser(ctx, { email: 'no@example.com', password: 'no entry' }))).toBe('403 AUTH_REGISTRATION_DISABLED');
    const { rows } = await f.db.transaction((tx) => tx.query('SELECT id FROM users'), { tenantId });
    expect(rows).toEqual([]);
  });

  it('with verification on: no session, login refused until the address is verified', async () => {
    const ctx = f.ctx(tenantId, { features: { email_verification: true } });
    const credentials = { email: 'vera@example.com', password: 'verify me' };
    const result = await registerUser(ctx, credentials);
    expect(result.session).toBeNull();
    expect(result.user.emailVerified).toBe(false);
    expect(result.verificationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await codeOf(login(ctx, credentials))).toBe('403 AUTH_EMAIL_NOT_VERIFIED');
    expect(await codeOf(login(ctx, { ...credentials, password: 'wrong one' }))).toBe('401 AUTH_INVALID_CREDENTIALS');
    expect(await codeOf(verifyEmail(ctx, 'B'.repeat(43)))).toBe('400 AUTH_VERIFICATION_INVALID');
    const verified = await verifyEmail(ctx, result.verificationToken ?? '');
    expect(verified).toMatchObject({ id: result.user.id, emailVerified: true });
    expect((await login(ctx, credentials)).user.emailVerified).toBe(true);
    expect(await codeOf(verifyEmail(ctx, result.verificationToken ?? ''))).toBe('400 AUTH_VERIFICATION_INVALID');
  });

  it('refuses an expired verification token and a token of another tenant', async () => {
    const ctx = f.ctx(tenantId, { features: { email_verification: true } });
    const late = await registerUser(ctx, { email: 'late@example.com', password: 'too late' });
    const other = f.ctx(await f.createTenant('other'), { features: { email_verification: true } });
    expect(await codeOf(verifyEmail(other, late.verificationToken ?? ''))).toBe('400 AUTH_VERIFICATION_INVALID');
    f.clock.advance(48 * 3600 * 1000);
    expect(await codeOf(verifyEmail(ctx, late.verificationToken ?? ''))).toBe('400 AUTH_VERIFICATION_INVALID');
  });
});
