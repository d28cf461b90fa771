import type { Database, Tx } from '@rustok/db';
import {
  type AppError,
  type EventEnvelope,
  hasPermission,
  isAppError,
  kernelErrors,
  type Principal,
  type SeedContext,
} from '@rustok/kernel';
import { DATABASE_ERROR_CODES, databaseAppError } from './db-errors.js';

/** An event as a use-case hands it over; the publisher fills in the envelope. */
export interface ModuleEvent {
  readonly type: string;
  readonly tenantId: string;
  readonly payload: unknown;
  readonly actorId?: string | null;
}

/** The part of the event bus a module's use-cases use (`app.events` in the server). */
export interface EventPublisher {
  publishInTx(tx: Tx, event: ModuleEvent): Promise<EventEnvelope<unknown>>;
  /** Several events in one outbox write (the platform's bus has it). */
  publishBatchInTx?(tx: Tx, events: readonly ModuleEvent[]): Promise<readonly EventEnvelope<unknown>[]>;
}

/** Who acts: a user (or nobody: a visitor, a job) and what they may do. */
export interface ModuleActor {
  readonly userId: string | null;
  can(permission: string): boolean;
}

/** What every use-case of a module receives: services, the tenant, the actor. */
export interface ModuleContext {
  readonly db: Database;
  /**
   * Where reads that may trail the primary go (`inTenant(…, { reads: true })`): a read replica, or the
   * primary when there is none or the caller has just written (readDatabaseOf). The primary when left out.
   */
  readonly reads?: Database;
  readonly events: EventPublisher;
  readonly tenantId: string;
  readonly actor: ModuleActor;
}

/** One tenant transaction of a use-case, with the publish function bound to it. */
export interface ModuleTx {
  readonly tx: Tx;
  readonly tenantId: string;
  readonly actor: ModuleActor;
  publish(type: string, payload: unknown): Promise<void>;
  /** Several events of this transaction in one outbox write (one by one on a bus without batches). */
  publishAll(events: readonly { readonly type: string; readonly payload: unknown }[]): Promise<void>;
}

export const actorOf = (principal: Principal | undefined): ModuleActor => ({
  userId: principal?.userId ?? null,
  can: (permission) => hasPermission(principal, permission),
});

/** An actor holding every permission (jobs, seeds). */
export const systemActor: ModuleActor = { userId: null, can: () => true };

/**
 * A unique violation that got past a use-case's own checks (two writers at once) is a 409
 * DATA_DUPLICATE, not a 500; a coded error the use-case threw goes on as it is. `uniqueViolationOf`
 * names the constraint behind it, for a use-case that answers its own code instead.
 */
const asConflict = (error: unknown): unknown => {
  if (isAppError(error)) return error;
  const mapped = databaseAppError(error);
  return mapped?.code === DATABASE_ERROR_CODES.duplicate.code ? mapped : error;
};

/** `publish` and `publishAll` bound to one transaction of a tenant, through a publisher (the platform's bus). */
export const txPublisher = (
  events: EventPublisher,
  tx: Tx,
  tenantId: string,
  actorId: string | null,
): Pick<ModuleTx, 'publish' | 'publishAll'> => {
  const event = (type: string, payload: unknown): ModuleEvent => ({ type, tenantId, payload, actorId });
  return {
    publish: async (type, payload) => {
      await events.publishInTx(tx, event(type, payload));
    },
    publishAll: async (list) => {
      if (list.length === 0) return;
      const all = list.map((e) => event(e.type, e.payload));
      if (events.publishBatchInTx) await events.publishBatchInTx(tx, all);
      else for (const e of all) await events.publishInTx(tx, e);
    },
  };
};

const moduleTx = (ctx: ModuleContext, tx: Tx): ModuleTx => ({
  tx,
  tenantId: ctx.tenantId,
  actor: ctx.actor,
  ...txPublisher(ctx.events, tx, ctx.tenantId, ctx.actor.userId),
});

/** Options of a use-case's transaction. */
export interface InTenantOptions {
  /** A parameterless read sent with BEGIN (see the database's `TransactionOptions.prelude`). */
  readonly prelude?: string;
  /** A read-only use-case (a list): its transaction is read-only and runs on `ctx.reads`. */
  readonly reads?: boolean;
}

/**
 * Runs `fn` in a transaction of the context's tenant: row-level security scopes every statement.
 * Every module's use-cases go through this one function.
 */
export const inTenant = <T>(ctx: ModuleContext, fn: (w: ModuleTx) => Promise<T>, options: InTenantOptions = {}): Promise<T> =>
  (options.reads ? (ctx.reads ?? ctx.db) : ctx.db)
    .transaction((tx) => fn(moduleTx(ctx, tx)), {
      tenantId: ctx.tenantId,
      ...(options.prelude === undefined ? {} : { prelude: options.prelude }),
      ...(options.reads ? { readOnly: true } : {}),
    })
    .catch((error: unknown) => {
      throw asConflict(error);
    });

export const forbidden = (detail: string): AppError => kernelErrors.AUTH_FORBIDDEN(detail);

export const requirePermission = (actor: ModuleActor, permission: string): void => {
  if (!actor.can(permission)) throw forbidden(`This needs the permission ${permission}`);
};

/**
 * The demo seed's transaction as a use-case transaction: the system actor, and the platform's
 * publisher, so seeding goes through the same use-cases and events as every other write.
 */
export const seedTx = (ctx: SeedContext): ModuleTx => ({
  tx: ctx.db as Tx,
  tenantId: ctx.tenantId,
  actor: systemActor,
  publish: ctx.publish,
  publishAll: ctx.publishAll,
});
