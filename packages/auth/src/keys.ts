import type { Database } from '@rustok/db';
import { type CryptoKey, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { AuthConfig } from './context.js';
import { authErrors } from './errors.js';

export const SIGNING_ALGORITHM = 'EdDSA';

/** How long a ring is reused before it is read again (other instances may have rotated). */
const KEY_RING_MAX_AGE_MS = 60_000;
/** An unknown kid makes the ring be read again, at most this often (forged kids must not hammer the database). */
const KEY_RING_MIN_RELOAD_MS = 1_000;
/** Added to the access-token lifetime before a replaced key is retired: ring cache age plus clock skew. */
export const RETIREMENT_GRACE_SECONDS = 120;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

export interface KeyRing {
  /** The key new tokens are signed with. */
  readonly current: SigningKey;
  /** Every key whose tokens are still accepted, the current one included. */
  readonly verificationKeys: ReadonlyMap<string, CryptoKey>;
  /** The public halves, as published in a JWKS document. */
  readonly publicJwks: readonly JWK[];
}

/** Serialises key creation across processes. */
const KEY_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('rustok.auth.signing_keys'))";

const insertNewKey = async (db: Pick<Database, 'query'>, now: Date): Promise<string> => {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  await db.query(
    'INSERT INTO sys_signing_keys (kid, algorithm, private_jwk, public_jwk, created_at, active_from) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $5)',
    [kid, SIGNING_ALGORITHM, JSON.stringify(privateJwk), JSON.stringify(publicJwk), now],
  );
  return kid;
};

const activeKid = async (db: Pick<Database, 'query'>): Promise<string | undefined> => {
  const { rows } = await db.query<{ kid: string }>(
    'SELECT kid FROM sys_signing_keys WHERE retired_at IS NULL ORDER BY active_from DESC, created_at DESC LIMIT 1',
  );
  return rows[0]?.kid;
};

/** Creates an Ed25519 signing key unless one is active; returns the active kid. */
export const ensureSigningKey = async (db: Database, now: Date = new Date()): Promise<string> => {
  const kid = await db.transaction(async (tx) => {
    await tx.query(KEY_LOCK_SQL);
    return (await activeKid(tx)) ?? (await insertNewKey(tx, now));
  });
  forgetKeyRing(db);
  return kid;
};

/**
 * Adds a new active key. The keys it replaces keep verifying until the longest-lived token they may
 * have signed has expired (access-token lifetime plus a grace), then they are retired.
 */
export const rotateSigningKey = async (
  db: Database,
  auth: Pick<AuthConfig, 'access_ttl_seconds'>,
  now: Date = new Date(),
): Promise<string> => {
  const retireAt = new Date(now.getTime() + (auth.access_ttl_seconds + RETIREMENT_GRACE_SECONDS) * 1000);
  const kid = await db.transaction(async (tx) => {
    await tx.query(KEY_LOCK_SQL);
    const created = await insertNewKey(tx, now);
    await tx.query('UPDATE sys_signing_keys SET retired_at = $1 WHERE kid <> $2 AND retired_at IS NULL', [retireAt, created]);
    return created;
  });
  forgetKeyRing(db);
  return kid;
};

interface KeyRow extends Record<string, unknown> {
  kid: string;
  private_jwk: JWK;
  public_jwk: JWK;
  retired_at: Date | null;
}

const importKey = async (jwk: JWK): Promise<CryptoKey> => {
  const key = await importJWK(jwk, SIGNING_ALGORITHM);
  if (key instanceof Uint8Array) throw authErrors.AUTH_SIGNING_KEY_INVALID('A signing key is not an asymmetric key');
  return key;
};

const readKeyRing = async (db: Database, now: Date): Promise<KeyRing | undefined> => {
  const { rows } = await db.query<KeyRow>(
    `SELECT kid, private_jwk, public_jwk, retired_at FROM sys_signing_keys
      WHERE retired_at IS NULL OR retired_at > $1 ORDER BY active_from DESC, created_at DESC`,
    [now],
  );
  const currentRow = rows.find((row) => row.retired_at === null);
  if (!currentRow) return undefined;
  const verificationKeys = new Map<string, CryptoKey>();
  for (const row of rows) verificationKeys.set(row.kid, await importKey(row.public_jwk));
  const publicJwks = rows.map((row) => ({ ...row.public_jwk, kid: row.kid, alg: SIGNING_ALGORITHM, use: 'sig' }));
  return { current: { kid: currentRow.kid, privateKey: await importKey(currentRow.private_jwk) }, verificationKeys, publicJwks };
};

interface CacheEntry {
  readonly ring: Promise<KeyRing>;
  readonly loadedAt: number;
}

const cache = new WeakMap<Database, CacheEntry>();

/** Drops the cached ring of a database (after a rotation in this process). */
export const forgetKeyRing = (db: Database): void => {
  cache.delete(db);
};

const loadFresh = async (db: Database, now: number): Promise<KeyRing> => {
  const ring = await readKeyRing(db, new Date(now));
  if (ring) return ring;
  await ensureSigningKey(db, new Date(now));
  const created = await readKeyRing(db, new Date(now));
  if (!created) throw authErrors.AUTH_NO_SIGNING_KEY('No active signing key could be created');
  return created;
};

const hasKid = async (entry: CacheEntry, kid: string): Promise<boolean> => (await entry.ring).verificationKeys.has(kid);

export interface LoadKeyRingOptions {
  /** A kid a token names: an unknown one makes the ring be read again (at most once a second). */
  readonly kid?: string;
  readonly now?: number;
}

/**
 * The signing and verification keys, cached per database for a minute. Creates the first key
 * when there is none.
 */
export const loadKeyRing = async (db: Database, options: LoadKeyRingOptions = {}): Promise<KeyRing> => {
  const now = options.now ?? Date.now();
  const entry = cache.get(db);
  const age = entry ? now - entry.loadedAt : -1;
  if (entry && age >= 0 && age < KEY_RING_MAX_AGE_MS) {
    const stale = options.kid !== undefined && age >= KEY_RING_MIN_RELOAD_MS && !(await hasKid(entry, options.kid));
    if (!stale) return entry.ring;
  }
  const ring = loadFresh(db, now);
  cache.set(db, { ring, loadedAt: now });
  ring.catch(() => {
    if (cache.get(db)?.ring === ring) cache.delete(db);
  });
  return ring;
};

/** The public keys as a JWKS document (for `/.well-known/jwks.json`). */
export const jwks = async (db: Database): Promise<{ keys: JWK[] }> => ({ keys: [...(await loadKeyRing(db)).publicJwks] });
