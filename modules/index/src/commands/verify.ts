import type { ModuleCommand } from '@rustok/kernel';
import { type DriftReport, verifyTenant } from '../verify/verify.js';
import { indexOptionsOf, kindsOf, localeOf, tenantsOf } from './arguments.js';
import { TARGET_OPTIONS } from './target-options.js';

const driftRow = (slug: string, r: DriftReport): string[] =>
  [slug, r.kind, r.items, r.expectedRows, r.missing, r.stale, r.orphaned, r.drift].map(String);

const sampleLine = (slug: string, r: DriftReport, s: DriftReport['samples'][number]): string =>
  `  ${slug} ${r.kind} ${s.id} ${s.locale}: ${s.problem}${s.fields ? ` (${s.fields.join(', ')})` : ''}`;

/** `rustok index verify`: the read models compared with the write model; exit 1 when they drifted. */
export const verifyCommand: ModuleCommand = {
  name: 'verify',
  description: 'compare the index with the write model and report drift (exit 1 when any)',
  options: TARGET_OPTIONS,
  run: async (ctx, raw) => {
    const options = indexOptionsOf(raw);
    const kinds = kindsOf(options.kind);
    const locale = localeOf(options.locale);
    const rows: string[][] = [];
    const samples: string[] = [];
    let drift = 0;
    for (const tenant of await tenantsOf(ctx.db, options.tenant)) {
      for (const r of await verifyTenant(ctx.db, tenant.id, { kinds, locale })) {
        rows.push(driftRow(tenant.slug, r));
        drift += r.drift;
        for (const s of r.samples) samples.push(sampleLine(tenant.slug, r, s));
      }
    }
    ctx.output.table([['TENANT', 'KIND', 'ITEMS', 'ROWS', 'MISSING', 'STALE', 'ORPHANED', 'DRIFT'], ...rows]);
    if (samples.length > 0) ctx.output.line(`differences (first ones):\n${samples.join('\n')}`);
    ctx.output.line(`drift: ${drift}`);
    return drift > 0 ? 1 : 0;
  },
};
