import type { Database, Tx } from '@rustok/db';
import { AppError, type EventEnvelope, hasPermission, type Principal } from '@rustok/kernel';

/** The part of the event bus the module uses (`app.events` in the server). */
export interface EventPublisher {
  publishInTx(
    tx: Tx,
    event: { type: string; tenantId: string; payload: unknown; actorId?: string | null },
  ): Promise<EventEnvelope<unknown>>;
  /** Several events in one outbox write (the platform's bus has it; checkout uses it when present). */
  publishBatchInTx?(
    tx: Tx,
    events: readonly { type: string; tenantId: string; payload: unknown; actorId?: string | null }[],
  ): Promise<readonly EventEnvelope<unknown>[]>;
}

/** Who acts: a user (or nobody: a guest shopper, a job) and what they may do. */
export interface CommerceActor {
  readonly userId: string | null;
  can(permission: string): boolean;
}

/** What every commerce use-case receives: services, the tenant, the actor. */
export interface CommerceContext {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly tenantId: string;
  readonly actor: CommerceActor;
}

/** One tenant transaction of a use-case, with the publish function bound to it. */
export interface CommerceTx {
  readonly tx: Tx;
  readonly tenantId: string;
  readonly actor: CommerceActor;
  publish(type: string, payload: unknown): Promise<void>;
}

export const actorOf = (principal: Principal | undefined): CommerceActor => ({
  userId: principal?.userId ?? null,
  can: (permission) => hasPermission(principal, permission),
});

export const systemActor: CommerceActor = { userId: null, can: () => true };

/** Runs `fn` in a transaction of the context's tenant: row-level security scopes every statement. */
export const inTenant = <T>(ctx: CommerceContext, fn: (w: CommerceTx) => Promise<T>): Promise<T> =>
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

export const requirePermission = (actor: CommerceActor, permission: string): void => {
  if (!actor.can(permission)) throw new AppError('AUTH_FORBIDDEN', `This needs the permission ${permission}`, { status: 403 });
};

export const notFound = (what: string, id: string): AppError =>
  new AppError(`COMMERCE_${what.toUpperCase()}_NOT_FOUND`, `No ${what} ${id}`, { status: 404, title: 'Not found' });
