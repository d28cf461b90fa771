import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { generateId, type TenantRef } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AttackKit,
  attackPlatform,
  b64,
  bearer,
  currentKey,
  expectGraphQLRefused,
  expectProblem,
  hmacToken,
  partsOf,
  type Session,
  signEd25519,
  tamper,
} from './fixtures/auth-attacks.js';

/**
 * Auth attacks, part 1: forged, tampered, misdirected and malformed access tokens. Every token is
 * sent to REST (`GET /auth/me`) and to GraphQL (`{ me }`); both must refuse it with the same code.
 */

interface Ctx {
  kit: AttackKit;
  a: TenantRef;
  b: TenantRef;
  victim: Session;
  other: Session;
  /** The platform's real signing key (private JWK) and its kid. */
  key: { kid: string; jwk: JWK; publicJwk: JWK };
  /** Attacker-made Ed25519 key pair. */
  mine: JWK;
}

type Forge = (c: Ctx) => string | Promise<string>;
interface TokenAttack {
  readonly name: string;
  readonly token: Forge;
  /** The tenant the token is presented to (default: the victim's tenant A). */
  readonly tenant?: (c: Ctx) => string;
  readonly code: string;
}

const now = () => Math.floor(Date.now() / 1000);
const claims = (c: Ctx, extra: JWTPayload = {}): JWTPayload => ({ ...partsOf(c.victim.accessToken).payload, ...extra });
const header = (c: Ctx, extra: Record<string, unknown> = {}) => ({ ...partsOf(c.victim.accessToken).header, ...extra });
const noneToken = (c: Ctx, alg: string, signature = '') => `${b64(header(c, { alg }))}.${b64(claims(c))}.${signature}`;
/** Signed with the platform's real key: shows that the claims themselves are checked. */
const real = (c: Ctx, payload: JWTPayload, head: Record<string, unknown> = {}) =>
  signEd25519(c.key.jwk, { kid: c.key.kid, typ: 'at+jwt', ...head }, payload);
const without = (c: Ctx, name: string): JWTPayload => {
  const { [name]: _dropped, ...rest } = claims(c);
  return rest;
};

const INVALID = 'AUTH_TOKEN_INVALID';
const rsaSign = (input: string, key: KeyObject): string => createSign('RSA-SHA256').update(input).sign(key).toString('base64url');

const forgeries: TokenAttack[] = [
  { name: 'alg "none", no signature', token: (c) => noneToken(c, 'none'), code: INVALID },
  { name: 'alg "None" (casing)', token: (c) => noneToken(c, 'None'), code: INVALID },
  {
    name: 'alg "NONE" with the original signature',
    token: (c) => noneToken(c, 'NONE', partsOf(c.victim.accessToken).signature),
    code: INVALID,
  },
  { name: 'alg "none" without the signature dot', token: (c) => noneToken(c, 'none').slice(0, -1), code: INVALID },
  {
    name: 'HS256 signed with the public key (x) as secret',
    token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c, { roles: ['super_admin'] }), String(c.key.publicJwk.x)),
    code: INVALID,
  },
  {
    name: 'HS256 signed with the raw public key bytes',
    token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), Buffer.from(String(c.key.publicJwk.x), 'base64url')),
    code: INVALID,
  },
  {
    name: 'HS256 signed with the public JWK JSON',
    token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), JSON.stringify(c.key.publicJwk)),
    code: INVALID,
  },
  { name: 'HS256 signed with "secret"', token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), 'secret'), code: INVALID },
  { name: 'HS256 signed with an empty secret', token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), ''), code: INVALID },
  {
    name: 'HS256 signed with the issuer as secret',
    token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), String(claims(c).iss)),
    code: INVALID,
  },
  {
    name: 'HS256 signed with the kid as secret',
    token: (c) => hmacToken(header(c, { alg: 'HS256' }), claims(c), c.key.kid),
    code: INVALID,
  },
  {
    name: 'HS512 signed with the public key',
    token: (c) => hmacToken(header(c, { alg: 'HS512' }), claims(c), String(c.key.publicJwk.x), 'sha512'),
    code: INVALID,
  },
  {
    name: 'payload sub changed to another user',
    token: (c) => tamper(c.victim.accessToken, { payload: { sub: c.other.userId } }),
    code: INVALID,
  },
  {
    name: 'payload roles raised to super_admin',
    token: (c) => tamper(c.victim.accessToken, { payload: { roles: ['super_admin'] } }),
    code: INVALID,
  },
  { name: 'payload roles raised to admin', token: (c) => tamper(c.victim.accessToken, { payload: { roles: ['admin'] } }), code: INVALID },
  {
    name: 'payload exp pushed a year ahead',
    token: (c) => tamper(c.victim.accessToken, { payload: { exp: now() + 31_536_000 } }),
    code: INVALID,
  },
  {
    name: 'payload tid changed to tenant B, sent to B',
    token: (c) => tamper(c.victim.accessToken, { payload: { tid: c.b.id } }),
    tenant: (c) => c.b.slug,
    code: INVALID,
  },
  {
    name: 'payload impersonatedBy added',
    token: (c) => tamper(c.victim.accessToken, { payload: { impersonatedBy: { userId: c.other.userId, tenantId: c.a.id } } }),
    code: INVALID,
  },
  { name: 'header kid removed, signature kept', token: (c) => tamper(c.victim.accessToken, { header: { kid: undefined } }), code: INVALID },
  { name: 'header typ changed, signature kept', token: (c) => tamper(c.victim.accessToken, { header: { typ: 'JWT' } }), code: INVALID },
  {
    name: 'own Ed25519 key under the real kid',
    token: (c) => signEd25519(c.mine, { kid: c.key.kid, typ: 'at+jwt' }, claims(c)),
    code: INVALID,
  },
  { name: 'own Ed25519 key without a kid', token: (c) => signEd25519(c.mine, { typ: 'at+jwt' }, claims(c)), code: INVALID },
  {
    name: 'own Ed25519 key with an unknown kid',
    token: (c) => signEd25519(c.mine, { kid: 'attacker-key', typ: 'at+jwt' }, claims(c)),
    code: INVALID,
  },
  {
    name: 'own key embedded as a jwk header',
    token: async (c) => signEd25519(c.mine, { kid: c.key.kid, typ: 'at+jwt', jwk: { ...c.mine, d: undefined } }, claims(c)),
    code: INVALID,
  },
  {
    name: 'own key announced through a jku header',
    token: (c) => signEd25519(c.mine, { kid: 'k1', jku: 'http://127.0.0.1:1/jwks.json', typ: 'at+jwt' }, claims(c)),
    code: INVALID,
  },
  {
    name: 'RS256 with an attacker RSA key',
    token: (c) => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const input = `${b64(header(c, { alg: 'RS256' }))}.${b64(claims(c))}`;
      return `${input}.${rsaSign(input, privateKey)}`;
    },
    code: INVALID,
  },
  {
    name: 'kid with path traversal',
    token: (c) => signEd25519(c.mine, { kid: '../../../../etc/passwd', typ: 'at+jwt' }, claims(c)),
    code: INVALID,
  },
  { name: 'kid with SQL', token: (c) => signEd25519(c.mine, { kid: "' OR '1'='1' --", typ: 'at+jwt' }, claims(c)), code: INVALID },
  {
    name: 'kid of 4,000 characters',
    token: (c) => signEd25519(c.mine, { kid: 'k'.repeat(4000), typ: 'at+jwt' }, claims(c)),
    code: INVALID,
  },
  { name: 'kid as a number', token: (c) => signEd25519(c.mine, { kid: 1, typ: 'at+jwt' }, claims(c)), code: INVALID },
  { name: 'expired (real key)', token: (c) => real(c, claims(c, { iat: now() - 7200, exp: now() - 3600 })), code: 'AUTH_TOKEN_EXPIRED' },
  { name: 'not yet valid: nbf in an hour (real key)', token: (c) => real(c, claims(c, { nbf: now() + 3600 })), code: INVALID },
  { name: 'another issuer (real key)', token: (c) => real(c, claims(c, { iss: 'https://evil.example.com' })), code: INVALID },
  { name: 'no issuer (real key)', token: (c) => real(c, without(c, 'iss')), code: INVALID },
  { name: 'no exp (real key)', token: (c) => real(c, without(c, 'exp')), code: INVALID },
  { name: 'no sub (real key)', token: (c) => real(c, without(c, 'sub')), code: INVALID },
  { name: 'sub not an id (real key)', token: (c) => real(c, claims(c, { sub: 'admin' })), code: INVALID },
  { name: 'no tid (real key)', token: (c) => real(c, without(c, 'tid')), code: INVALID },
  { name: 'sid not an id (real key)', token: (c) => real(c, claims(c, { sid: "x' OR '1'='1" })), code: INVALID },
  { name: 'roles as a string (real key)', token: (c) => real(c, claims(c, { roles: 'super_admin' })), code: INVALID },
  { name: 'typ JWT: an ID token passing for an access token (real key)', token: (c) => real(c, claims(c), { typ: 'JWT' }), code: INVALID },
  { name: 'unknown critical header (real key)', token: (c) => real(c, claims(c), { crit: ['x-evil'], 'x-evil': true }), code: INVALID },
  { name: 'token of tenant A sent to tenant B by slug', token: (c) => c.victim.accessToken, tenant: (c) => c.b.slug, code: INVALID },
  { name: 'token of tenant A sent to tenant B by id', token: (c) => c.victim.accessToken, tenant: (c) => c.b.id, code: INVALID },
  { name: 'malformed: one part', token: () => 'abc', code: INVALID },
  { name: 'malformed: two parts', token: (c) => c.victim.accessToken.split('.').slice(0, 2).join('.'), code: INVALID },
  { name: 'malformed: four parts', token: (c) => `${c.victim.accessToken}.e30`, code: INVALID },
  { name: 'malformed: payload not JSON', token: (c) => `${c.victim.accessToken.split('.')[0]}.${b64('not json')}.AAAA`, code: INVALID },
  { name: 'malformed: payload a JSON array', token: (c) => `${c.victim.accessToken.split('.')[0]}.${b64([1, 2])}.AAAA`, code: INVALID },
  { name: 'truncated signature', token: (c) => c.victim.accessToken.slice(0, -6), code: INVALID },
  { name: 'empty signature', token: (c) => c.victim.accessToken.replace(/[^.]+$/, ''), code: INVALID },
  {
    name: "another user's signature spliced in",
    token: (c) => `${c.victim.accessToken.split('.').slice(0, 2).join('.')}.${partsOf(c.other.accessToken).signature}`,
    code: INVALID,
  },
  {
    name: 'huge token (64 KB of claims)',
    token: (c) => tamper(c.victim.accessToken, { payload: { pad: 'x'.repeat(65_536) } }),
    code: INVALID,
  },
];

describeEachBackend('auth attacks: forged and misdirected access tokens', (backend) => {
  let c: Ctx;

  beforeAll(async () => {
    const kit = await attackPlatform(backend, { auth: { ip_attempts_per_minute: 10_000 } });
    const a = await kit.p.createTenant('jwt-a');
    const b = await kit.p.createTenant('jwt-b');
    const victim = await kit.session(a, ['customer']);
    const other = await kit.session(a, ['admin']);
    const row = await currentKey(kit.p);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    c = {
      kit,
      a,
      b,
      victim,
      other,
      key: { kid: row.kid, jwk: row.private_jwk, publicJwk: row.public_jwk },
      mine: await exportJWK(privateKey),
    };
  });
  afterAll(() => c?.kit.p.close());

  it('accepts the untouched token (the control case the attacks start from)', async () => {
    const res = await c.kit.call('GET', '/api/v1/auth/me', c.victim.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: c.victim.userId, roles: ['customer'] });
  });

  it.each(forgeries)('refuses $name (REST and GraphQL: $code)', async ({ token, tenant, code }) => {
    const headers = bearer(await token(c), tenant ? tenant(c) : c.a.slug);
    expectProblem(await c.kit.call('GET', '/api/v1/auth/me', headers), 401, code);
    expectGraphQLRefused(await c.kit.gql(headers, '{ me { id roles } }'), code, 'me');
  });

  const schemes: { name: string; header: (t: string) => string }[] = [
    { name: 'Basic scheme with e-mail:password', header: () => `Basic ${Buffer.from('victim@example.com:secret').toString('base64')}` },
    { name: 'Token scheme', header: (t) => `Token ${t}` },
    { name: 'no scheme at all', header: (t) => t },
    { name: '"Bearer" without a token', header: () => 'Bearer' },
    { name: '"Bearer " and spaces only', header: () => 'Bearer    ' },
    { name: 'two tokens after Bearer', header: (t) => `Bearer ${t} ${t}` },
    { name: 'two Bearer values joined by a comma', header: (t) => `Bearer ${t}, Bearer ${t}` },
    { name: 'a token with a trailing junk character', header: (t) => `Bearer ${t}!` },
    { name: '"Bearer:" with a colon', header: (t) => `Bearer:${t}` },
  ];

  it.each(schemes)('refuses an Authorization header with $name (401 AUTH_TOKEN_INVALID)', async ({ header: make }) => {
    const headers = { authorization: make(c.victim.accessToken), 'x-tenant-id': c.a.slug };
    expectProblem(await c.kit.call('GET', '/api/v1/auth/me', headers), 401, INVALID);
    expectGraphQLRefused(await c.kit.gql(headers, '{ me { id } }'), INVALID, 'me');
  });

  it.each([
    { name: 'query string access_token', url: (t: string) => `/api/v1/auth/me?access_token=${t}`, headers: {} },
    { name: 'query string token', url: (t: string) => `/api/v1/auth/me?token=${t}`, headers: {} },
    { name: 'cookie', url: () => '/api/v1/auth/me', headers: { cookie: 'access_token=' } },
    { name: 'X-Access-Token header', url: () => '/api/v1/auth/me', headers: { 'x-access-token': '' } },
  ])('does not take a token from the $name (401 AUTH_REQUIRED)', async ({ url, headers }) => {
    const t = c.victim.accessToken;
    const extra = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, `${v}${t}`]));
    expectProblem(await c.kit.call('GET', url(t), { 'x-tenant-id': c.a.slug, ...extra }), 401, 'AUTH_REQUIRED');
  });

  it('refuses a token of an unknown user id signed with the real key (401 AUTH_TOKEN_REVOKED or INVALID)', async () => {
    const headers = bearer(await real(c, claims(c, { sub: generateId() })), c.a.slug);
    const res = await c.kit.call('GET', '/api/v1/auth/me', headers);
    expect(res.statusCode, res.body).toBe(401);
  });
});
