import { createHash, randomBytes } from 'node:crypto';

/**
 * Capability tokens of carts and orders: 256 bits from the operating system's CSPRNG, base64url
 * (43 characters). A token is shown once, when it is issued; the database keeps only its SHA-256
 * (hex), and a request's token is looked up by that hash. With this much entropy a plain hash is
 * enough: there is nothing to guess, and a timing difference in the lookup leaks nothing about
 * the token.
 */
export const newCapabilityToken = (): string => randomBytes(32).toString('base64url');

export const capabilityHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The hash to look up, or null when the request carried no token (an empty one counts as none). */
export const hashOrNull = (token: string | null | undefined): string | null => (token ? capabilityHash(token) : null);

/** The shape a cart or order token has; the HTTP header schemas use it. */
export const CAPABILITY_TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,128}$';
