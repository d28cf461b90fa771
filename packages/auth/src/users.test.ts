import { generateId } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authenticate } from './authenticate.js';
import { createUser } from './create-user.js';
import { login } from './login.js';
import { me } from './me.js';
import { registerUser } from './register.js';
import { type AuthFixture, openAuth } from './test-fixtures/auth.js';
import { codeOf, refusal } from './test-fixtures/errors.js';
import { findUserByEmail } from './users.js';

describeEachBackend('users: register, login, me', (backend) => {
  let f: AuthFixture;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    f = await openAuth(backend);
    tenantA = await f.createTenant('alpha');
    tenantB = await f.createTenant('beta');
  });
  afterAll(() => f.close());

  it('registers a customer with a session, publishes auth.user.registered, and shows the user in me()', async () => {
    const ctx = f.ctx(tenantA);
    const result = await registerUser(ctx, { email: '  Ann@Example.COM ', password: 'correct horse', name: ' Ann ' });
    expect(result.user).toMatchObject({ tenantId: tenantA, email: 'ann@example.com', name: 'Ann', status: 'active', roles: ['customer'] });
    expect(result.verificationToken).toBeNull();
    expect(result.session).toMatchObject({ user: result.user, expiresIn: f.config.access_ttl_seconds });
    const principal = await authenticate(ctx, result.session?.accessToken ?? '');
    expect(principal).toMatchObject({ userId: result.user.id, tenantId: tenantA, roles: ['customer'] });
    expect(await me(ctx, result.user.id)).toMatchObject({
      id: result.user.id,
      email: 'ann@example.com',
      roles: ['customer'],
      permissions: [],
    });
    const { rows } = await f.db.query<{ type: string; envelope: { payload: unknown } }>(
      "SELECT type, envelope FROM sys_events WHERE tenant_id = $1 AND type = 'auth.user.registered'",
      [tenantA],
    );
    expect(rows.map((r) => r.envelope.payload)).toEqual([{ userId: result.user.id, email: 'ann@example.com' }]);
  });

  it('logs in with the e-mail in any case and spacing', async () => {
    const session = await login(f.ctx(tenantA), { email: 'ANN@example.com ', password: 'correct horse', ip: '198.51.100.1' });
    expect(session.user.email).toBe('ann@example.com');
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await authenticate(f.ctx(tenantA), session.accessToken)).userId).toBe(session.user.id);
  });

  it('gives one and the same 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await refusal(login(f.ctx(tenantA), { email: 'ann@example.com', password: 'wrong horse' }));
    const unknown = await refusal(login(f.ctx(tenantA), { email: 'nobody@example.com', password: 'correct horse' }));
    expect([wrong.status, wrong.code, wrong.message]).toEqual([
      401,
      'AUTH_INVALID_CREDENTIALS',
      'The e-mail address or the password is wrong',
    ]);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([wrong.status, wrong.code, wrong.message]);
    const huge = await refusal(login(f.ctx(tenantA), { email: 'ann@example.com', password: 'x'.repeat(10_000) }));
    expect(huge.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a taken e-mail (409) and bad input (422, every field)', async () => {
    expect(await codeOf(registerUser(f.ctx(tenantA), { email: 'ann@EXAMPLE.com', password: 'another one' }))).toBe('409 AUTH_EMAIL_TAKEN');
    const invalid = await refusal(registerUser(f.ctx(tenantA), { email: 'not-an-email', password: 'short', name: 'x'.repeat(201) }));
    expect(invalid.status).toBe(422);
    expect(invalid.errors.map((e) => e.path)).toEqual(['/email', '/password', '/name']);
    const same = await refusal(registerUser(f.ctx(tenantA), { email: 'eve@example.com', password: 'EVE@example.com' }));
    expect(same.errors).toEqual([{ path: '/password', message: 'must not be the e-mail address' }]);
  });

  it('keeps tenants apart: a user of tenant A does not exist in tenant B', async () => {
    const inB = await f.db.transaction((tx) => findUserByEmail(tx, 'ann@example.com'), { tenantId: tenantB });
    expect(inB).toBeUndefined();
    const { rows } = await f.db.transaction((tx) => tx.query('SELECT id FROM users'), { tenantId: tenantB });
    expect(rows).toEqual([]);
    expect(await codeOf(login(f.ctx(tenantB), { email: 'ann@example.com', password: 'correct horse' }))).toBe(
      '401 AUTH_INVALID_CREDENTIALS',
    );
    const session = await login(f.ctx(tenantA), { email: 'ann@example.com', password: 'correct horse' });
    expect(await codeOf(authenticate(f.ctx(tenantB), session.accessToken))).toBe('401 AUTH_TOKEN_INVALID');
    expect(await codeOf(me(f.ctx(tenantB), session.user.id))).toBe('404 AUTH_USER_NOT_FOUND');
    const again = await registerUser(f.ctx(tenantB), { email: 'ann@example.com', password: 'correct horse' });
    expect(again.user.tenantId).toBe(tenantB);
  });

  it('creates users with given roles (admin/bootstrap), verified; unknown roles are refused', async () => {
    const admin = await createUser(f.ctx(tenantA), { email: 'root@example.com', password: 'super secret', roles: ['admin', 'editor'] });
    expect(admin).toMatchObject({ roles: ['admin', 'editor'], emailVerified: true });
    const ctx = f.ctx(tenantA, { features: { registration_enabled: false, email_verification: true } });
    expect((await login(ctx, { email: 'root@example.com', password: 'super secret' })).user.roles).toEqual(['admin', 'editor']);
    const bad = await refusal(createUser(ctx, { email: 'x@example.com', password: 'super secret', roles: ['customer', 'wizard'] }));
    expect(bad.errors).toEqual([{ path: '/roles/1', message: 'unknown role "wizard"' }]);
  });

  it("grants a tenant's own role its permissions", async () => {
    await f.db.transaction(
      (tx) =>
        tx.query("INSERT INTO tenant_roles (tenant_id, name, permissions) VALUES ($1, 'support', '{commerce.orders.read}')", [tenantA]),
      { tenantId: tenantA },
    );
    const agent = await createUser(f.ctx(tenantA), { email: 'agent@example.com', password: 'support me', roles: ['support'] });
    expect((await me(f.ctx(tenantA), agent.id)).permissions).toEqual(['commerce.orders.read']);
    const session = await login(f.ctx(tenantA), { email: 'agent@example.com', password: 'support me' });
    expect([...(await authenticate(f.ctx(tenantA), session.accessToken)).permissions]).toEqual(['commerce.orders.read']);
  });

  it('refuses a disabled user with 403 after checking the password', async () => {
    const user = await createUser(f.ctx(tenantA), { email: 'gone@example.com', password: 'was here', roles: [] });
    await f.db.transaction((tx) => tx.query("UPDATE users SET status = 'disabled' WHERE id = $1", [user.id]), { tenantId: tenantA });
    expect(await codeOf(login(f.ctx(tenantA), { email: 'gone@example.com', password: 'was here' }))).toBe('403 AUTH_USER_DISABLED');
    expect(await codeOf(login(f.ctx(tenantA), { email: 'gone@example.com', password: 'wrong one' }))).toBe('401 AUTH_INVALID_CREDENTIALS');
  });

  it('rehashes a password stored with an older cost at login', async () => {
    const weak = { ...f.config, argon2_memory_kib: 2048 };
    await createUser(f.ctx(tenantA, { config: weak }), { email: 'old@example.com', password: 'old hash', roles: [] });
    await login(f.ctx(tenantA), { email: 'old@example.com', password: 'old hash' });
    const stored = await f.db.transaction((tx) => findUserByEmail(tx, 'old@example.com'), { tenantId: tenantA });
    expect(stored?.passwordHash).toContain(`m=${f.config.argon2_memory_kib},`);
  });

  it('answers 404 for a user id that does not exist', async () => {
    expect(await codeOf(me(f.ctx(tenantA), generateId()))).toBe('404 AUTH_USER_NOT_FOUND');
  });
});
