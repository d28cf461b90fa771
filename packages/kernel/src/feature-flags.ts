import { createHash } from 'node:crypto';
import type { TenantRef } from './access.js';

/** A tenant's feature flag (tenant settings `featureFlags.<key>`). */
export interface FeatureFlag {
  /** Off: off for everyone, whatever the rollout. */
  readonly enabled: boolean;
  /** Share of subjects (users, customers, sessions) the flag is on for, 0–100; 100 when left out. */
  readonly rollout?: number;
  /** Shown to anonymous callers (the storefront's `GET /store/feature-flags`); staff-only otherwise. */
  readonly public?: boolean;
  readonly description?: string;
}

/** A flag key: lower-case letters, digits, `.`, `_` and `-`, starting with a letter (`checkout.new-summary`). */
export const FEATURE_FLAG_KEY_PATTERN = '^[a-z][a-z0-9._-]{0,63}$';

const isFlag = (value: unknown): value is FeatureFlag =>
  typeof value === 'object' && value !== null && typeof (value as { enabled?: unknown }).enabled === 'boolean';

/** The tenant's flags as its settings hold them (from the tenant cache: no query); malformed entries are left out. */
export const featureFlagsOf = (tenant: Pick<TenantRef, 'settings'>): Readonly<Record<string, FeatureFlag>> => {
  const raw = tenant.settings.featureFlags;
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([, flag]) => isFlag(flag))) as Record<string, FeatureFlag>;
};

/**
 * Where a subject falls for a flag, in [0, 100): the first four bytes of SHA-256(key, subject). The
 * same subject keeps its place as the rollout grows (on at 10 % stays on at 50 %), and each flag
 * spreads subjects afresh (one flag's first tenth is not every flag's).
 */
export const rolloutBucket = (key: string, subject: string): number =>
  (createHash('sha256').update(`${key}\u0000${subject}`).digest().readUInt32BE(0) % 10_000) / 100;

/** Whether a flag is on for a subject: enabled, and the subject inside its rollout (none given: only at 100 %). */
export const featureFlagOn = (flag: FeatureFlag | undefined, key: string, subject?: string): boolean => {
  if (!flag?.enabled) return false;
  const rollout = flag.rollout ?? 100;
  if (rollout >= 100) return true;
  if (rollout <= 0 || subject === undefined || subject === '') return false;
  return rolloutBucket(key, subject) < rollout;
};

/** Whether the tenant's flag `key` is on for `subject` (a user, customer or session id). Unknown flags are off. */
export const isFeatureOn = (tenant: Pick<TenantRef, 'settings'>, key: string, subject?: string): boolean =>
  featureFlagOn(featureFlagsOf(tenant)[key], key, subject);
