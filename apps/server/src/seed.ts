import type { Database } from '@rustok/db';
import { rebuildInTx } from '@rustok/index/contracts';
import type { ModuleRegistry } from '@rustok/kernel';
import type { Logger } from 'pino';

export interface SeedReport {
  readonly seeded: readonly string[];
  readonly skipped: readonly string[];
}

/**
 * Runs each module's demo seeder once, in dependency order, inside the default tenant, and records
 * it in sys_seeds so a
 * second start reuses the data instead of seeding again.
 */
export const seedDemo = async (
  db: Database,
  registry: ModuleRegistry,
  logger: Logger,
  tenantId: string,
  onProgress?: (event: { done: number; total: number; name: string }) => void,
): Promise<SeedReport> => {
  const seeders = registry.modules.filter((m) => m.seed?.demo);
  const seeded: string[] = [];
  const skipped: string[] = [];
  for (const [i, mod] of seeders.entries()) {
    const name = `demo:${mod.slug}`;
    const ran = await db.transaction(
      async (tx) => {
        const { rows } = await tx.query('INSERT INTO sys_seeds (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name', [name]);
        if (rows.length === 0) return false;
        await mod.seed?.demo?.({ db: tx, tenantId, logger: logger.child({ module: mod.slug }) });
        return true;
      },
      { tenantId },
    );
    (ran ? seeded : skipped).push(mod.slug);
    onProgress?.({ done: i + 1, total: seeders.length, name: ran ? name : `${name} (already present)` });
  }
  // Seeders publish no events: the storefront index is rebuilt from what they wrote.
  if (seeded.length > 0 && registry.get('index')) await db.transaction((tx) => rebuildInTx(tx), { tenantId });
  return { seeded, skipped };
};
