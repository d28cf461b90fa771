import type { Database } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase, testConfig } from '@rustok/testing';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authenticate } from './authenticate.js';
import { ensureSigningKey, jwks, loadKeyRing, RETIREMENT_GRACE_SECONDS, rotateSigningKey } from './keys.js';
import { authFixture, tenancyFixture } from './test-fixtures/auth.js';
import { codeOf } from './test-fixtures/errors.js';
import { issueAccessToken, verifyAccessToken } from './tokens.js';

const auth = { ...testConfig().auth, access_ttl_seconds: 900 };
const subject = { userId: generateId(), tenantId: generateId(), roles: ['customer'] };

describeEachBackend('signing keys and access tokens', (backend) => {
  let t: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    t = await openTestDatabase(backend, [tenancyFixture, authFixture]);
    db = t.db;
  });
  afterAll(() => t.cleanup());

  it('creates one key and keeps it (ensure is idempotent)', async () => {
    const kid = await ensureSigningKey(db);
    expect(await ensureSigningKey(db)).toBe(kid);
    const { rows } = await db.query<{ algorithm: string }>('SELECT algorithm FROM sys_signing_keys');
    expect(rows).toEqual([{ algorithm: 'EdDSA' }]);
    expect((await loadKeyRing(db)).current.kid).toBe(kid);
  });

  it('issues a token with kid, sub, tid, roles, iss, iat and exp that verifies', async () => {
    const ring = await loadKeyRing(db);
    const now = Date.now();
    const token = await issueAccessToken(ring, subject, auth, now);
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[0] ?? '')));
    expect(header).toEqual({ alg: 'EdDSA', kid: ring.current.kid, typ: 'at+jwt' });
    const iat = Math.floor(now / 1000);
    expect(await verifyAccessToken(ring, token, { issuer: auth.issuer })).toEqual({
      sub: subject.userId,
      tid: subject.tenantId,
      roles: ['customer'],
      iss: auth.issuer,
      iat,
      exp: iat + 900,
      ver: 0,
    });
  });

  it('refuses an expired token (AUTH_TOKEN_EXPIRED) and another issuer', async () => {
    const ring = await loadKeyRing(db);
    const old = await issueAccessToken(ring, subject, auth, Date.now() - 901_000);
    expect(await codeOf(verifyAccessToken(ring, old))).toBe('401 AUTH_TOKEN_EXPIRED');
    const token = await issueAccessToken(ring, subject, auth);
    expect(await codeOf(verifyAccessToken(ring, token, { issuer: 'someone-else' }))).toBe('401 AUTH_TOKEN_INVALID');
  });

  it('a token verified once is refused when it expires, for another issuer, and when its key leaves the ring', async () => {
    const ring = await loadKeyRing(db);
    const issuedAt = Date.now();
    const token = await issueAccessToken(ring, subject, auth, issuedAt);
    expect((await verifyAccessToken(ring, token, { issuer: auth.issuer })).sub).toBe(subject.userId);
    // Verified (and remembered) above: the same text must still be checked for expiry, issuer and key.
    expect(await codeOf(verifyAccessToken(ring, token, { issuer: auth.issuer, now: issuedAt + 901_000 }))).toBe('401 AUTH_TOKEN_EXPIRED');
    expect(await codeOf(verifyAccessToken(ring, token, { issuer: 'someone-else' }))).toBe('401 AUTH_TOKEN_INVALID');
    const withoutKey = { ...ring, verificationKeys: new Map() };
    expect(await codeOf(verifyAccessToken(withoutKey, token, { issuer: auth.issuer }))).toBe('401 AUTH_TOKEN_INVALID');
    expect((await verifyAccessToken(ring, token, { issuer: auth.issuer })).sub).toBe(subject.userId);
  });

  it('refuses an unknown kid, a wrong signature, alg none and garbage', async () => {
    const ring = await loadKeyRing(db);
    const token = await issueAccessToken(ring, subject, auth);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const unknownKid = await new SignJWT({ tid: subject.tenantId, roles: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'nope', typ: 'at+jwt' })
      .setSubject(subject.userId)
      .setIssuer(auth.issuer)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(foreign.privateKey);
    const forgedPayload = base64url.encode(
      JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(payload))), roles: ['super_admin'] }),
    );
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', kid: ring.current.kid, typ: 'at+jwt' }))}.${payload}.`;
    const sameKidOtherKey = `${header}.${payload}.${base64url.encode(new Uint8Array(64))}`;
    for (const bad of [unknownKid, `${header}.${forgedPayload}.${signature}`, none, sameKidOtherKey, 'garbage', '']) {
      expect(await codeOf(verifyAccessToken(ring, bad))).toBe('401 AUTH_TOKEN_INVALID');
    }
  });

  it('rotates: old tokens still verify, new ones carry the new kid, the old key retires later', async () => {
    const before = await loadKeyRing(db);
    const oldToken = await issueAccessToken(before, subject, auth);
    const now = Date.now();
    const kid = await rotateSigningKey(db, auth, new Date(now));
    expect(kid).not.toBe(before.current.kid);
    const after = await loadKeyRing(db);
    expect(after.current.kid).toBe(kid);
    expect((await verifyAccessToken(after, oldToken)).sub).toBe(subject.userId);
    const newToken = await issueAccessToken(after, subject, auth);
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(newToken.split('.')[0] ?? ''))).kid).toBe(kid);
    const retired = await loadKeyRing(db, { now: now + (auth.access_ttl_seconds + RETIREMENT_GRACE_SECONDS) * 1000 + 70_000 });
    expect([...retired.verificationKeys.keys()]).toEqual([kid]);
    expect(await codeOf(verifyAccessToken(retired, oldToken))).toBe('401 AUTH_TOKEN_INVALID');
  });

  it('publishes public keys only in the JWKS', async () => {
    const { keys } = await jwks(db);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('reads the ring again when a token names a kid it does not know (rotation by another instance)', async () => {
    const tenantId = generateId();
    const userId = generateId();
    await db.query('INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)', [tenantId, 'kid', `kid-${tenantId.slice(-8)}`]);
    await db.transaction(
      (tx) =>
        tx.query("INSERT INTO users (id, tenant_id, email, password_hash) VALUES ($1, $2, 'kid@example.com', 'x')", [userId, tenantId]),
      { tenantId },
    );
    const ctx = { db, tenantId, config: auth, now: Date.now };
    await loadKeyRing(db); // cached here
    const otherInstance: Database = Object.create(db);
    const kid = await rotateSigningKey(otherInstance, auth);
    expect((await loadKeyRing(db)).verificationKeys.has(kid)).toBe(false);
    const token = await issueAccessToken(await loadKeyRing(otherInstance), { ...subject, userId, tenantId }, auth);
    const later = Date.now() + 2_000;
    const principal = await authenticate({ ...ctx, now: () => later }, token);
    expect(principal).toMatchObject({ userId, tenantId, roles: ['customer'] });
    expect(await codeOf(authenticate({ ...ctx, tenantId: generateId(), now: () => later }, token))).toBe('401 AUTH_TOKEN_INVALID');
  });

  it('reads the ring again for an unknown kid at most once a second', async () => {
    let queries = 0;
    const counting: Database = Object.create(db);
    const query = (text: string, params?: readonly unknown[]) => {
      queries++;
      return db.query(text, params);
    };
    Object.assign(counting, { query });
    const start = Date.now();
    await loadKeyRing(counting, { now: start });
    const afterFirst = queries;
    await loadKeyRing(counting, { kid: 'forged', now: start + 500 });
    expect(queries).toBe(afterFirst);
    await loadKeyRing(counting, { kid: 'forged', now: start + 1_500 });
    expect(queries).toBe(afterFirst + 1);
    await loadKeyRing(counting, { now: start + 1_600 });
    expect(queries).toBe(afterFirst + 1);
  });
});
