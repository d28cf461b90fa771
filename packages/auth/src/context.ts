import type { Database, Tx } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import type { Config, RustokSettings } from '@rustok/kernel';
import type { Logger } from 'pino';
import { authErrors } from './errors.js';
import type { LoginLimiter } from './limiter.js';
import type { OutboundMessages } from './outbound.js';
import type { RoleCatalog } from './roles.js';

export type AuthConfig = Config['auth'];
export type AuthFeatures = Pick<RustokSettings['features'], 'registration_enabled' | 'email_verification'>;

/** What the auth use-cases need: one tenant, its database, the auth settings and the shared services. */
export interface AuthContext {
  readonly db: Database;
  readonly tenantId: string;
  readonly config: AuthConfig;
  /** The tenant's effective features (registration, email verification). */
  readonly features: AuthFeatures;
  readonly limiter: LoginLimiter;
  readonly logger: Logger;
  /** Events are published in the use-case's transaction when a bus is given. */
  readonly bus?: Pick<EventBus, 'publishInTx'>;
  /** Effective permissions of the built-in roles; without it only the tenant's own roles grant permissions. */
  readonly roles?: RoleCatalog;
  /** Where verification and password-reset messages go (see outbound.ts); without it they are only logged as dropped. */
  readonly outbound?: OutboundMessages;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

export const nowOf = (ctx: Pick<AuthContext, 'now'>): number => ctx.now?.() ?? Date.now();

/** The tenant a transaction was opened for; tenant tables are invisible outside one. */
export const tenantOf = (tx: Tx): string => {
  if (!tx.tenantId) throw authErrors.AUTH_TENANT_REQUIRED('Auth data is only reachable inside a tenant transaction');
  return tx.tenantId;
};

/** Runs `fn` in a transaction opened for the context's tenant (row-level security applies). */
export const inTenant = <T>(ctx: Pick<AuthContext, 'db' | 'tenantId'>, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  ctx.db.transaction(fn, { tenantId: ctx.tenantId });
