import type { Database, Tx } from '@rustok/db';
import { AppError, type EventEnvelope, hasPermission, type Principal } from '@rustok/kernel';

/** An event as a use-case hands it over; the publisher fills in the envelope. */
export interface ContentEvent {
  readonly type: string;
  readonly tenantId: string;
  readonly payload: unknown;
  readonly actorId?: string | null;
}

/** The part of the event bus the module uses (`app.events` in the server). */
export interface EventPublisher {
  publishInTx(tx: Tx, event: ContentEvent): Promise<EventEnvelope<unknown>>;
}

/** Who acts: a user (or nobody, for public reads and jobs) and what they may do. */
export interface ContentActor {
  readonly userId: string | null;
  can(permission: string): boolean;
}

/** What every content use-case receives: services, the tenant, the actor. */
export interface ContentContext {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly tenantId: string;
  readonly actor: ContentActor;
}

/** One tenant transaction of a use-case, with the publish function bound to it. */
export interface ContentTx {
  readonly tx: Tx;
  readonly tenantId: string;
  readonly actor: ContentActor;
  publish(type: string, payload: unknown): Promise<void>;
}

export const actorOf = (principal: Principal | undefined): ContentActor => ({
  userId: principal?.userId ?? null,
  can: (permission) => hasPermission(principal, permission),
});

/** A system actor with every content permission (scheduled publishing, seeds). */
export const systemActor: ContentActor = { userId: null, can: () => true };

/** Runs `fn` in a transaction of the context's tenant: row-level security scopes every statement. */
export const inTenant = <T>(ctx: ContentContext, fn: (w: ContentTx) => Promise<T>): Promise<T> =>
  runInTenant(ctx, fn).catch((error: unknown) => {
    throw asConflict(error);
  });

/** A unique violation that got past the checks (two writers at once) is a conflict, not a 500. */
const asConflict = (error: unknown): unknown =>
  (error as { code?: unknown } | null)?.code === '23505'
    ? new AppError('CONTENT_CONFLICT', 'Another write took the same slug or key at the same time; try again', { status: 409, cause: error })
    : error;

const runInTenant = <T>(ctx: ContentContext, fn: (w: ContentTx) => Promise<T>): Promise<T> =>
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

export const forbidden = (detail: string): AppError => new AppError('AUTH_FORBIDDEN', detail, { status: 403 });

export const requirePermission = (actor: ContentActor, permission: string): void => {
  if (!actor.can(permission)) throw forbidden(`This needs the permission ${permission}`);
};
