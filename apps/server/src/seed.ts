import { type EventPublisher, txPublisher } from '@rustok/api';
import { analyzeTables, type Database, tablesWrittenInTransaction } from '@rustok/db';
import type { ModuleRegistry } from '@rustok/kernel';
import type { Logger } from 'pino';

export interface SeedReport {
  readonly seeded: readonly string[];
  readonly skipped: readonly string[];
}

export interface SeedServices {
  readonly db: Database;
  readonly registry: ModuleRegistry;
  /** The platform's event bus: seeds publish through it, in their transaction (the outbox). */
  readonly events: EventPublisher;
  readonly logger: Logger;
}

/**
 * Runs each module's demo seeder once, in dependency order, inside the default tenant, and records
 * it in sys_seeds so a second start reuses the data instead of seeding again. A seeder's events
 * commit with its rows; the event bus delivers them to the read models like any other write's.
 * The tables the seeders wrote to are analyzed at the end, so the first requests are planned with
 * statistics of the data they read.
 */
export const seedDemo = async (
  services: SeedServices,
  tenantId: string,
  onProgress?: (event: { done: number; total: number; name: string }) => void,
): Promise<SeedReport> => {
  const { db, registry, events, logger } = services;
  const seeders = registry.modules.filter((m) => m.seed?.demo);
  const seeded: string[] = [];
  const skipped: string[] = [];
  const written = new Set<string>();
  for (const [i, mod] of seeders.entries()) {
    const name = `demo:${mod.slug}`;
    const ran = await db.transaction(
      async (tx) => {
        const { rows } = await tx.query('INSERT INTO sys_seeds (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name', [name]);
        if (rows.length === 0) return false;
        const publisher = txPublisher(events, tx, tenantId, null);
        await mod.seed?.demo?.({ db: tx, tenantId, logger: logger.child({ module: mod.slug }), ...publisher });
        for (const table of await tablesWrittenInTransaction(tx)) written.add(table);
        return true;
      },
      { tenantId },
    );
    (ran ? seeded : skipped).push(mod.slug);
    onProgress?.({ done: i + 1, total: seeders.length, name: ran ? name : `${name} (already present)` });
  }
  await analyzeTables(db, [...written]);
  return { seeded, skipped };
};
