import { spawn } from 'node:child_process';
import { forgetKeyRing, RETIREMENT_GRACE_SECONDS, rotateSigningKey } from '@rustok/auth';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, REPO_ROOT, rustokArgs, type TestPlatform } from '@rustok/testing';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';

const PASSWORD = 'correct horse battery'; // the test kit's password

/** The real `rustok` command against the given database. */
const rustok = (args: string[], databaseUrl: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, rustokArgs(args), {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RUSTOK_ENV: 'test', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describeEachBackend('signing-key rotation and JWKS over HTTP', (backend) => {
  let p: TestPlatform;
  let t: TenantRef;
  let email: string;

  const jwksOf = async (tenant: string) => {
    const res = await p.app.inject({ method: 'GET', url: '/.well-known/jwks.json', headers: { 'x-tenant-id': tenant } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<JSONWebKeySet>();
  };
  const login = async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-tenant-id': t.slug },
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  };
  const me = (token: string) =>
    p.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}`, 'x-tenant-id': t.slug } });
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, config: { auth: { ip_attempts_per_minute: 10_000 } } });
    t = await p.createTenant('keys-shop');
    email = (await p.userWithToken(t.id, ['customer'], 'keys@example.com')) && 'keys@example.com';
  });
  afterAll(() => p?.close());

  it('serves public keys only, per tenant, and they verify tokens (createLocalJWKSet)', async () => {
    const set = await jwksOf(t.slug);
    expect(set.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of set.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
    const token = await login();
    const { payload } = await jwtVerify(token, createLocalJWKSet(set), { issuer: p.config.auth.issuer });
    expect(payload.tid).toBe(t.id);
    const unknown = await p.app.inject({ method: 'GET', url: '/.well-known/jwks.json', headers: { 'x-tenant-id': 'no-such-shop' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });

  it('rotates: old tokens stay valid until they expire, new ones carry the new kid, the JWKS lists both', async () => {
    const oldToken = await login();
    const oldKid = kidOf(oldToken);
    let newKid: string;
    if (backend.name === 'postgres' && p.database.url) {
      // The operator's command, run as its own process against the same database.
      const result = await rustok(['auth', 'rotate-keys'], p.database.url);
      expect(result.code, result.stderr).toBe(0);
      newKid = /new signing key (\S+)/.exec(result.stdout)?.[1] ?? '';
      expect(result.stdout).toContain(oldKid);
      forgetKeyRing(p.database.db); // as when this instance's cached ring ages out
    } else {
      newKid = await rotateSigningKey(p.database.db, p.config.auth);
    }
    expect(newKid).not.toBe(oldKid);
    const newToken = await login();
    expect(kidOf(newToken)).toBe(newKid);
    expect((await me(oldToken)).statusCode).toBe(200);
    expect((await me(newToken)).statusCode).toBe(200);
    const set = await jwksOf(t.id);
    expect(set.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    const keys = createLocalJWKSet(set);
    for (const token of [oldToken, newToken]) expect((await jwtVerify(token, keys)).payload.sub).toBeDefined();

    // The replaced key retires once every token it signed has expired.
    const { rows } = await p.database.db.query<{ retired_at: Date }>('SELECT retired_at FROM sys_signing_keys WHERE kid = $1', [oldKid]);
    const retiresIn = new Date(rows[0]?.retired_at ?? 0).getTime() - Date.now();
    expect(retiresIn).toBeGreaterThan(p.config.auth.access_ttl_seconds * 1000);
    expect(retiresIn).toBeLessThanOrEqual((p.config.auth.access_ttl_seconds + RETIREMENT_GRACE_SECONDS) * 1000);
  });
});
