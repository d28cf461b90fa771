import { AppError, isId } from '@rustok/kernel';
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from './context.js';
import { type KeyRing, SIGNING_ALGORITHM } from './keys.js';

/** RFC 9068 media type of JWT access tokens: an ID token or another JWT cannot pass for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessSubject {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly string[];
}

/** The claims of a verified access token. */
export interface AccessClaims {
  readonly sub: string;
  readonly tid: string;
  readonly roles: readonly string[];
  readonly iss: string;
  readonly iat: number;
  readonly exp: number;
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
  return new SignJWT({ tid: subject.tenantId, roles: [...subject.roles] })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: ring.current.kid, typ: ACCESS_TOKEN_TYPE })
    .setSubject(subject.userId)
    .setIssuer(auth.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(iat + auth.access_ttl_seconds)
    .sign(ring.current.privateKey);
};

export const tokenInvalid = (detail = 'The access token is invalid'): AppError =>
  new AppError('AUTH_TOKEN_INVALID', detail, { status: 401 });

const tokenExpired = (): AppError => new AppError('AUTH_TOKEN_EXPIRED', 'The access token has expired', { status: 401 });

/** The kid a token's header names, or undefined when the header cannot be read. */
export const tokenKid = (token: string): string | undefined => {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
};

const toClaims = (payload: JWTPayload): AccessClaims => {
  const { sub, tid, roles, iss, iat, exp } = payload;
  const rolesOk = Array.isArray(roles) && roles.every((r) => typeof r === 'string');
  if (typeof sub !== 'string' || !isId(sub) || typeof tid !== 'string' || !isId(tid) || !rolesOk) throw tokenInvalid();
  if (typeof iss !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') throw tokenInvalid();
  return { sub, tid, roles: roles as string[], iss, iat, exp };
};

export interface VerifyOptions {
  /** Required issuer (`auth.issuer`); any issuer when absent. */
  readonly issuer?: string;
  readonly now?: number;
}

/** The claims of a valid token; 401 AUTH_TOKEN_EXPIRED or AUTH_TOKEN_INVALID otherwise. */
export const verifyAccessToken = async (ring: KeyRing, token: string, options: VerifyOptions = {}): Promise<AccessClaims> => {
  const kid = tokenKid(token);
  const key = kid === undefined ? undefined : ring.verificationKeys.get(kid);
  if (!key) throw tokenInvalid();
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
  return toClaims(payload);
};
