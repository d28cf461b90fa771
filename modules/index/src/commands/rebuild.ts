import type { ModuleCommand } from '@rustok/kernel';
import { rebuildTenant } from '../rebuild/run.js';
import { batchSizeOf, indexOptionsOf, kindsOf, localeOf, tenantsOf } from './arguments.js';
import { progressBar } from './progress.js';
import { TARGET_OPTIONS } from './target-options.js';

/** `rustok index rebuild`: the read models rebuilt from the write model, tenant by tenant, in resumable batches. */
export const rebuildCommand: ModuleCommand = {
  name: 'rebuild',
  description: 'rebuild from the write model in resumable batches',
  options: [
    ...TARGET_OPTIONS,
    { flags: '--batch-size <n>', description: 'items per batch and transaction' },
    { flags: '--restart', description: 'start over instead of resuming an interrupted run' },
  ],
  run: async (ctx, raw) => {
    const options = indexOptionsOf(raw);
    const kinds = kindsOf(options.kind);
    const locale = localeOf(options.locale);
    const batchSize = batchSizeOf(options.batchSize);
    const rows: string[][] = [];
    for (const tenant of await tenantsOf(ctx.db, options.tenant)) {
      const reports = await rebuildTenant(ctx.db, tenant.id, {
        kinds,
        locale,
        batchSize,
        restart: options.restart,
        onProgress: progressBar(ctx, tenant.slug),
      });
      for (const r of reports) rows.push([tenant.slug, r.kind, String(r.items), String(r.purged)]);
    }
    ctx.output.table([['TENANT', 'KIND', 'ITEMS', 'PURGED ROWS'], ...rows]);
    return 0;
  },
};
