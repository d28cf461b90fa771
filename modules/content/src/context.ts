import type { ModuleActor, ModuleContext, ModuleEvent, ModuleTx } from '@rustok/api';

export { type EventPublisher, forbidden, inTenant, requirePermission, systemActor } from '@rustok/api';

/** The platform's module context under content's names (its kit hands them to blog, forum, pages). */
export type ContentEvent = ModuleEvent;
export type ContentActor = ModuleActor;
export type ContentContext = ModuleContext;
export type ContentTx = ModuleTx;
