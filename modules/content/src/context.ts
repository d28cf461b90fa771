import { inTenant as inModuleTenant, type ModuleActor, type ModuleContext, type ModuleEvent, type ModuleTx } from '@rustok/api';
import { contentErrors } from './errors.js';

export { actorOf, type EventPublisher, forbidden, requirePermission, systemActor } from '@rustok/api';

/** The platform's module context under content's names (its contract hands them to blog, forum, pages). */
export type ContentEvent = ModuleEvent;
export type ContentActor = ModuleActor;
export type ContentContext = ModuleContext;
export type ContentTx = ModuleTx;

/** A unique violation that got past the checks (two writers at once) is a conflict, not a 500. */
const asConflict = (error: unknown): unknown =>
  (error as { code?: unknown } | null)?.code === '23505'
    ? contentErrors.CONTENT_CONFLICT('Another write took the same slug or key at the same time; try again', { cause: error })
    : error;

/** Runs `fn` in a transaction of the context's tenant (row-level security scopes every statement). */
export const inTenant = <T>(ctx: ContentContext, fn: (w: ContentTx) => Promise<T>): Promise<T> =>
  inModuleTenant(ctx, fn).catch((error: unknown) => {
    throw asConflict(error);
  });
