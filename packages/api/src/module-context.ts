import type { Database, Tx } from '@rustok/db';
import { type AppError, type EventEnvelope, hasPermission, isAppError, kernelErrors, type Principal } from '@rustok/kernel';
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
 * DATA_DUPLICATE, not a 500; a coded error the use-case threw goes on as it is.
 */
const asConflict = (error: unknown): unknown => {
  if (isAppError(error)) return error;
  const mapped = databaseAppError(error);
  return mapped?.code === DATABASE_ERROR_CODES.duplicate.code ? mapped : error;
};

const moduleTx = (ctx: ModuleContext, tx: Tx): ModuleTx => {
  const event = (type: string, payload: unknown): ModuleEvent => ({ type, tenantId: ctx.tenantId, payload, actorId: ctx.actor.userId });
  return {
    tx,
    tenantId: ctx.tenantId,
    actor: ctx.actor,
    publish: async (type, payload) => {
      await ctx.events.publishInTx(tx, event(type, payload));
    },
    publishAll: async (events) => {
      if (events.length === 0) return;
      const all = events.map((e) => event(e.type, e.payload));
      if (ctx.events.publishBatchInTx) await ctx.events.publishBatchInTx(tx, all);
      else for (const e of all) await ctx.events.publishInTx(tx, e);
    },
  };
};

/**
 * Runs `fn` in a transaction of the context's tenant: row-level security scopes every statement.
 * Every module's use-cases go through this one function.
 */
export const inTenant = <T>(ctx: ModuleContext, fn: (w: ModuleTx) => Promise<T>): Promise<T> =>
  ctx.db
    .transaction((tx) => fn(moduleTx(ctx, tx)), { tenantId: ctx.tenantId })
    .catch((error: unknown) => {
      throw asConflict(error);
    });

export const forbidden = (detail: string): AppError => kernelErrors.AUTH_FORBIDDEN(detail);

export const requirePermission = (actor: ModuleActor, permission: string): void => {
  if (!actor.can(permission)) throw forbidden(`This needs the permission ${permission}`);
};

/** A system transaction that publishes nothing (the demo seed, which runs without an event bus). */
export const silentTx = (tx: Tx, tenantId: string): ModuleTx => ({
  tx,
  tenantId,
  actor: systemActor,
  publish: async () => {},
  publishAll: async () => {},
});
