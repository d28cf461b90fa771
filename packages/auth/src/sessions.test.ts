import { describeEachBackend } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuthContext } from './context.js';
import { loadKeyRing } from './keys.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { hashToken } from './refresh.js';
import { refresh } from './refresh-session.js';
import { registerUser } from './register.js';
import { type AuthFixture, openAuth } from './test-fixtures/auth.js';
import { codeOf } from './test-fixtures/errors.js';
import { verifyAccessToken } from './tokens.js';

describeEachBackend('sessions: refresh rotation, reuse, logout', (backend) => {
  let f: AuthFixture;
  let ctx: AuthContext;
  const credentials = { email: 'sam@example.com', password: 'sam password' };

  beforeAll(async () => {
    f = await openAuth(backend);
    ctx = f.ctx(await f.createTenant('sessions'));
    await registerUser(ctx, credentials);
  });
  afterAll(() => f.close());

  const familyRows = async (token: string) =>
    f.db.transaction(
      async (tx) =>
        (
          await tx.query<{ used: boolean; revoked: boolean }>(
            `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM refresh_tokens
              WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) ORDER BY created_at, id`,
            [hashToken(token)],
          )
        ).rows,
      { tenantId: ctx.tenantId },
    );

  it('rotates: a refresh spends the token and issues a new pair in the same family', async () => {
    const first = await login(ctx, credentials);
    f.clock.advance(1_000);
    const second = await refresh(ctx, { refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(first.user.id);
    const claims = await verifyAccessToken(await loadKeyRing(f.db), second.accessToken, { now: f.clock.now() });
    expect(claims.sub).toBe(first.user.id);
    const third = await refresh(ctx, { refreshToken: second.refreshToken });
    expect(await familyRows(third.refreshToken)).toEqual([
      { used: true, revoked: false },
      { used: true, revoked: false },
      { used: false, revoked: false },
    ]);
  });

  it('revokes the whole family when a spent token comes back, the newest token included', async () => {
    const first = await login(ctx, credentials);
    const second = await refresh(ctx, { refreshToken: first.refreshToken });
    const other = await login(ctx, credentials); // another device: another family
    expect(await codeOf(refresh(ctx, { refreshToken: first.refreshToken }))).toBe('401 AUTH_REFRESH_REUSED');
    expect(await familyRows(second.refreshToken)).toEqual([
      { used: true, revoked: true },
      { used: false, revoked: true },
    ]);
    expect(await codeOf(refresh(ctx, { refreshToken: second.refreshToken }))).toBe('401 AUTH_REFRESH_INVALID');
    expect((await refresh(ctx, { refreshToken: other.refreshToken })).user.email).toBe('sam@example.com');
  });

  it('logs out: the family is revoked; an unknown token is no error', async () => {
    const first = await login(ctx, credentials);
    const second = await refresh(ctx, { refreshToken: first.refreshToken });
    await logout(ctx, { refreshToken: second.refreshToken });
    expect(await codeOf(refresh(ctx, { refreshToken: second.refreshToken }))).toBe('401 AUTH_REFRESH_INVALID');
    await expect(logout(ctx, { refreshToken: 'x'.repeat(43) })).resolves.toBeUndefined();
    await expect(logout(ctx, { refreshToken: 'not a token' })).resolves.toBeUndefined();
  });

  it('refuses expired, unknown and malformed refresh tokens', async () => {
    const session = await login(ctx, credentials);
    f.clock.advance(f.config.refresh_ttl_seconds * 1000);
    expect(await codeOf(refresh(ctx, { refreshToken: session.refreshToken }))).toBe('401 AUTH_REFRESH_INVALID');
    expect(await codeOf(refresh(ctx, { refreshToken: 'A'.repeat(43) }))).toBe('401 AUTH_REFRESH_INVALID');
    expect(await codeOf(refresh(ctx, { refreshToken: "'; DROP TABLE users; --" }))).toBe('401 AUTH_REFRESH_INVALID');
  });

  it("does not accept a tenant's refresh token in another tenant", async () => {
    const session = await login(ctx, credentials);
    const elsewhere = f.ctx(await f.createTenant('elsewhere'));
    expect(await codeOf(refresh(elsewhere, { refreshToken: session.refreshToken }))).toBe('401 AUTH_REFRESH_INVALID');
    expect((await refresh(ctx, { refreshToken: session.refreshToken })).user.email).toBe('sam@example.com');
  });

  it('refuses to refresh for a disabled user and revokes the family', async () => {
    const session = await login(ctx, credentials);
    await f.db.transaction((tx) => tx.query("UPDATE users SET status = 'disabled' WHERE id = $1", [session.user.id]), {
      tenantId: ctx.tenantId,
    });
    expect(await codeOf(refresh(ctx, { refreshToken: session.refreshToken }))).toBe('403 AUTH_USER_DISABLED');
    expect((await familyRows(session.refreshToken)).every((row) => row.revoked)).toBe(true);
  });

  it('lets exactly one of two concurrent refreshes with the same token win; the other counts as reuse', async () => {
    const racer = { email: 'racer@example.com', password: 'racer password' };
    await registerUser(ctx, racer);
    const session = await login(ctx, racer);
    const results = await Promise.allSettled([refresh(ctx, session), refresh(ctx, session)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((r) => r.status === 'fulfilled');
    const newest = winner?.status === 'fulfilled' ? winner.value.refreshToken : '';
    expect(await codeOf(refresh(ctx, { refreshToken: newest }))).toBe('401 AUTH_REFRESH_INVALID');
  });
});
