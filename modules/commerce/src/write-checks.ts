import type { Database } from '@rustok/db';
import type {} from '@rustok/events';
import { modulePort, type PortContext } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import type { CommerceContext } from './context.js';

/** The catalog writes another module may check before they happen. */
export const PRODUCT_WRITES = ['commerce.product.create', 'commerce.product.update'] as const;
export type ProductWriteName = (typeof PRODUCT_WRITES)[number];

/**
 * A product write about to happen, as its caller sent it (after the schema's checks): the whole
 * input of a create, only the changed fields of an update.
 */
export interface ProductWrite {
  readonly write: ProductWriteName;
  readonly tenantId: string;
  readonly actorId: string | null;
  /** The product an update changes; null for a create. */
  readonly productId: string | null;
  readonly changes: Readonly<Record<string, unknown>>;
}

/**
 * The product-write check port: another module (scripting's `validate` hooks) may refuse a
 * create or an update before its transaction begins. `check` resolves to accept and throws a
 * coded error (its own catalogue's) to refuse; that error is the caller's answer as it is.
 */
export interface ProductWriteChecks {
  check(write: ProductWrite): Promise<void>;
}

declare module '@rustok/kernel' {
  interface ModulePorts {
    /** Checks of product creates and updates (scripting's validate hooks, when that module is there). */
    productWriteChecks: ProductWriteChecks;
  }
}

/** The port each database's app found (one app per database: the API process's). */
const bound = new WeakMap<Database, ProductWriteChecks>();

/** Finds the module that backs the port (if any) for this app's database; commerce's REST plugin calls it once. */
export const bindProductWriteChecks = (app: FastifyInstance): void => {
  const { config, db, registry } = app.rustok;
  const logger = (app.log as PortContext['logger']).child({ component: 'product-write-checks' });
  const port = modulePort(registry, 'productWriteChecks', { config, db, events: app.events, logger });
  if (port) bound.set(db, port);
  else bound.delete(db);
};

/** Runs the bound checks of a write by the context's actor (nothing when no module backs the port). */
export const checkProductWrite = async (
  ctx: CommerceContext,
  write: ProductWriteName,
  productId: string | null,
  changes: object,
): Promise<void> => {
  const port = bound.get(ctx.db);
  if (!port) return;
  await port.check({
    write,
    tenantId: ctx.tenantId,
    actorId: ctx.actor.userId,
    productId,
    changes: changes as Readonly<Record<string, unknown>>,
  });
};
