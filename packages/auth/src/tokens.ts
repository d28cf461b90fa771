import { type AppError, isId } from '@rustok/kernel';
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from './context.js';
import { authErrors } from './errors.js';
import { type KeyRing, SIGNING_ALGORITHM } from './keys.js';

/** RFC 9068 media type of JWT access tokens: an ID token or another JWT cannot pass for one. */
const ACCESS_TOKEN_TYPE = 'at+jwt';

/** A platform administrator acting in another tenant: their own user and home tenant. */
export interface Impersonator {
  readonly userId: string;
  readonly tenantId: string;
}

export interface AccessSubject {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
  /** The user's token generation (`users.token_version`); 0 when absent. */
  readonly version?: number;
  /** The refresh-token family the token belongs to. */
  readonly sessionId?: string;
  /** Set on a tenant-switch token (claim `impersonatedBy`). */
  readonly impersonatedBy?: Impersonator;
  /** A unique token id (claim `jti`), e.g. to find the audit event of a tenant switch. */
  readonly tokenId?: string;
  /** Lifetime in seconds instead of `auth.access_ttl_seconds`. */
  readonly ttlSeconds?: number;
}

/** The claims of a verified access token. */
export interface AccessClaims {
  readonly sub: string;
  readonly tid: string;
  readonly roles: readonly string[];
  readonly iss: string;
  readonly iat: number;
  readonly exp: number;
  /** Token generation of the user it was issued to (the impersonator's, on a tenant-switch token). */
  readonly ver: number;
  readonly sid?: string;
  readonly jti?: string;
  readonly impersonatedBy?: Impersonator;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** A signed access token (EdDSA, header kid of the ring's current key). */
export const issueAccessToken = (
  ring: KeyRing,
  subject: AccessSubject,
  auth: Pick<AuthConfig, 'issuer' | 'access_ttl_seconds'>,
  now: number = Date.now(),
): Promise<string> => {
  const iat = seconds(now);
  const jwt = new SignJWT({
    tid: subject.tenantId,
    roles: [...subject.roles],
    ver: subject.version ?? 0,
    ...(subject.sessionId === undefined ? {} : { sid: subject.sessionId }),
    ...(subject.impersonatedBy === undefined ? {} : { impersonatedBy: { ...subject.impersonatedBy } }),
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: ring.current.kid, typ: ACCESS_TOKEN_TYPE })
    .setSubject(subject.userId)
    .setIssuer(auth.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (subject.ttlSeconds ?? auth.access_ttl_seconds));
  if (subject.tokenId !== undefined) jwt.setJti(subject.tokenId);
  return jwt.sign(ring.current.privateKey);
};

export const tokenInvalid = (detail = 'The access token is invalid'): AppError => authErrors.AUTH_TOKEN_INVALID(detail);

const tokenExpired = (): AppError => authErrors.AUTH_TOKEN_EXPIRED('The access token has expired');

/** The kid a token's header names, or undefined when the header cannot be read. */
export const tokenKid = (token: string): string | undefined => {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
};

const impersonatorOf = (value: unknown): Impersonator | undefined => {
  if (value === undefined) return undefined;
  const { userId, tenantId } = (value ?? {}) as Record<string, unknown>;
  if (typeof userId !== 'string' || !isId(userId) || typeof tenantId !== 'string' || !isId(tenantId)) throw tokenInvalid();
  return { userId, tenantId };
};

const optionalString = (value: unknown): string | undefined => {
  if (value === undefined || typeof value === 'string') return value;
  throw tokenInvalid();
};

const toClaims = (payload: JWTPayload): AccessClaims => {
  const { sub, tid, roles, iss, iat, exp, ver = 0 } = payload;
  const rolesOk = Array.isArray(roles) && roles.every((r) => typeof r === 'string');
  if (typeof sub !== 'string' || !isId(sub) || typeof tid !== 'string' || !isId(tid) || !rolesOk) throw tokenInvalid();
  if (typeof iss !== 'string' || typeof iat !== 'number' || typeof exp !== 'number' || !Number.isInteger(ver)) throw tokenInvalid();
  const sid = optionalString(payload.sid);
  if (sid !== undefined && !isId(sid)) throw tokenInvalid();
  const jti = optionalString(payload.jti);
  const impersonatedBy = impersonatorOf(payload.impersonatedBy);
  return {
    sub,
    tid,
    roles: roles as string[],
    iss,
    iat,
    exp,
    ver: ver as number,
    ...(sid === undefined ? {} : { sid }),
    ...(jti === undefined ? {} : { jti }),
    ...(impersonatedBy === undefined ? {} : { impersonatedBy }),
  };
};

export interface VerifyOptions {
  /** Required issuer (`auth.issuer`); any issuer when absent. */
  readonly issuer?: string;
  readonly now?: number;
}

/** The claims of a valid token; 401 AUTH_TOKEN_EXPIRED or AUTH_TOKEN_INVALID otherwise. */
interface Verified {
  readonly claims: AccessClaims;
  readonly key: unknown;
  readonly issuer: string | undefined;
}

/**
 * Tokens whose signature was checked, by their text, until they expire: checking an EdDSA signature
 * is most of what authenticating a request costs. A hit still needs the same key in the ring (a
 * reloaded or retired key verifies again) and the same issuer, and is refused once expired.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, Verified>();

const remember = (token: string, entry: Verified): void => {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, entry);
};

const cachedClaims = (token: string, key: unknown, options: VerifyOptions): AccessClaims | undefined => {
  const hit = verified.get(token);
  if (!hit || hit.key !== key || hit.issuer !== options.issuer) return undefined;
  if (hit.claims.exp <= Math.floor((options.now ?? Date.now()) / 1000)) {
    verified.delete(token);
    return undefined;
  }
  return hit.claims;
};

export const verifyAccessToken = async (ring: KeyRing, token: string, options: VerifyOptions = {}): Promise<AccessClaims> => {
  const kid = tokenKid(token);
  const key = kid === undefined ? undefined : ring.verificationKeys.get(kid);
  if (!key) throw tokenInvalid();
  const cached = cachedClaims(token, key, options);
  if (cached) return cached;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [SIGNING_ALGORITHM],
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['sub', 'iat', 'exp', 'iss'],
      ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
      ...(options.now === undefined ? {} : { currentDate: new Date(options.now) }),
    }));
  } catch (error) {
    throw error instanceof errors.JWTExpired ? tokenExpired() : tokenInvalid();
  }
  const claims = toClaims(payload);
  remember(token, { claims, key, issuer: options.issuer });
  return claims;
};
