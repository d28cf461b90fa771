import type { ModuleActor, ModuleContext, ModuleTx } from '@rustok/api';

import { AppError } from '@rustok/kernel';

export { actorOf, type EventPublisher, inTenant, requirePermission, systemActor } from '@rustok/api';

/** The platform's module context under commerce's names. */
export type CommerceActor = ModuleActor;
export type CommerceContext = ModuleContext;
export type CommerceTx = ModuleTx;

export const notFound = (what: string, id: string): AppError =>
  new AppError(`COMMERCE_${what.toUpperCase()}_NOT_FOUND`, `No ${what} ${id}`, { status: 404, title: 'Not found' });
