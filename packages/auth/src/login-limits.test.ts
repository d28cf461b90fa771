import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuthContext } from './context.js';
import { login } from './login.js';
import { registerUser } from './register.js';
import { type AuthFixture, openAuth } from './test-fixtures/auth.js';
import { codeOf, refusal } from './test-fixtures/errors.js';

describeEachBackend('login limits', (backend) => {
  let f: AuthFixture;
  let ctx: AuthContext;
  const credentials = { email: 'lou@example.com', password: 'lou password' };

  beforeAll(async () => {
    f = await openAuth(backend);
    ctx = f.ctx(await f.createTenant('limits'), {
      config: { lockout_threshold: 3, lockout_window_seconds: 600, lockout_seconds: 900, ip_attempts_per_minute: 100 },
    });
    await registerUser(ctx, credentials);
  });
  afterAll(() => f.close());

  it('locks the account after N failures, even for the right password, until the lock expires', async () => {
    const wrong = { ...credentials, password: 'not it at all' };
    for (let i = 0; i < 3; i++) expect(await codeOf(login(ctx, wrong))).toBe('401 AUTH_INVALID_CREDENTIALS');
    const locked = await refusal(login(ctx, credentials));
    expect([locked.status, locked.code, locked.meta]).toEqual([429, 'AUTH_ACCOUNT_LOCKED', { retryAfterSeconds: 900 }]);
    f.clock.advance(899_000);
    expect(await codeOf(login(ctx, credentials))).toBe('429 AUTH_ACCOUNT_LOCKED');
    f.clock.advance(1_000);
    expect((await login(ctx, credentials)).user.email).toBe('lou@example.com');
  });

  it('resets the failure count after a successful login', async () => {
    const wrong = { ...credentials, password: 'not it at all' };
    for (let i = 0; i < 2; i++) await refusal(login(ctx, wrong));
    await login(ctx, credentials);
    for (let i = 0; i < 2; i++) expect(await codeOf(login(ctx, wrong))).toBe('401 AUTH_INVALID_CREDENTIALS');
    expect((await login(ctx, credentials)).user.email).toBe('lou@example.com');
  });

  it('locks unknown addresses the same way (no hint whether an account exists)', async () => {
    const ghost = { email: 'ghost@example.com', password: 'boo boo boo' };
    for (let i = 0; i < 3; i++) await refusal(login(ctx, ghost));
    expect(await codeOf(login(ctx, ghost))).toBe('429 AUTH_ACCOUNT_LOCKED');
  });

  it('limits attempts per IP and minute across accounts', async () => {
    const perIp = f.ctx(ctx.tenantId, { config: { ip_attempts_per_minute: 3 } });
    const ip = '192.0.2.10';
    await login(perIp, { ...credentials, ip });
    await refusal(login(perIp, { email: 'a@example.com', password: 'whatever1', ip }));
    await refusal(login(perIp, { email: 'b@example.com', password: 'whatever1', ip }));
    const limited = await refusal(login(perIp, { ...credentials, ip }));
    expect([limited.status, limited.code, limited.meta]).toEqual([429, 'AUTH_RATE_LIMITED', { retryAfterSeconds: 60 }]);
    expect((await login(perIp, { ...credentials, ip: '192.0.2.11' })).user.email).toBe('lou@example.com');
    f.clock.advance(60_000);
    expect((await login(perIp, { ...credentials, ip })).user.email).toBe('lou@example.com');
  });
});
