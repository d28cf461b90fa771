import type { Database, Tx } from '@rustok/db';
import { type AppError, type EventEnvelope, hasPermission, kernelErrors, type Principal } from '@rustok/kernel';

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
}

export const actorOf = (principal: Principal | undefined): ModuleActor => ({
  userId: principal?.userId ?? null,
  can: (permission) => hasPermission(principal, permission),
});

/** An actor holding every permission (jobs, seeds). */
export const systemActor: ModuleActor = { userId: null, can: () => true };

/** Runs `fn` in a transaction of the context's tenant: row-level security scopes every statement. */
export const inTenant = <T>(ctx: ModuleContext, fn: (w: ModuleTx) => Promise<T>): Promise<T> =>
  ctx.db.transaction(
    (tx) =>
      fn({
        tx,
        tenantId: ctx.tenantId,
        actor: ctx.actor,
        publish: async (type, payload) => {
          await ctx.events.publishInTx(tx, { type, tenantId: ctx.tenantId, payload, actorId: ctx.actor.userId });
        },
      }),
    { tenantId: ctx.tenantId },
  );

export const forbidden = (detail: string): AppError => kernelErrors.AUTH_FORBIDDEN(detail);

export const requirePermission = (actor: ModuleActor, permission: string): void => {
  if (!actor.can(permission)) throw forbidden(`This needs the permission ${permission}`);
};
