import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that follow one request (or one job) through logs, events and handlers. */
export interface RequestScope {
  readonly requestId: string;
  readonly correlationId: string;
  readonly tenantId?: string;
  readonly actorId?: string;
  /** Set while an event handler runs: events it publishes name this one as their cause. */
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export const runInScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn);
export const currentScope = (): RequestScope | undefined => storage.getStore();
