import type { Database } from '@rustok/db';
import { type DriftReport, INDEX_KINDS, type IndexKind, type RebuildProgress, rebuildTenant, verifyTenant } from '@rustok/index/contracts';
import { tenancyErrors } from '@rustok/tenancy';
import type { Command } from 'commander';
import { loadKernel, openKernelDatabase } from '../boot.js';
import { serverErrors } from '../errors.js';
import { failWith, table } from './output.js';

interface IndexOptions {
  tenant?: string;
  locale?: string;
  kind?: string;
  batchSize?: string;
  restart?: boolean;
}

const kindsOf = (kind: string | undefined): IndexKind[] => {
  if (kind === undefined) return [...INDEX_KINDS];
  if ((INDEX_KINDS as readonly string[]).includes(kind)) return [kind as IndexKind];
  throw serverErrors.CLI_ARGUMENT_INVALID(`--kind must be one of ${INDEX_KINDS.join(', ')}`);
};

const localeOf = (locale: string | undefined): string | undefined => {
  if (locale === undefined || /^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) return locale;
  throw serverErrors.CLI_ARGUMENT_INVALID('--locale must look like en or pt-BR');
};

/** The tenant named by --tenant (slug), or every active tenant. */
const tenantsOf = async (db: Database, slug: string | undefined): Promise<{ id: string; slug: string }[]> => {
  const { rows } = await db.query<{ id: string; slug: string }>(
    'SELECT id, slug FROM tenants WHERE ($1::text IS NULL AND is_active) OR slug = $1 ORDER BY slug',
    [slug ?? null],
  );
  if (slug && rows.length === 0) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant with the slug "${slug}"`);
  return rows;
};

/** A progress bar on a terminal, a line per tenth otherwise. */
const progressBar = (tenant: string) => {
  let lastTenth = -1;
  return (p: RebuildProgress) => {
    const ratio = p.total === 0 ? 1 : Math.min(1, p.processed / p.total);
    const label = `${tenant} ${p.kind} ${p.processed}/${p.total}${p.resumed ? ' (resumed)' : ''}`;
    if (process.stderr.isTTY) {
      const filled = Math.round(ratio * 30);
      process.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(ratio * 100)}% ${label}   `);
      if (ratio >= 1) process.stderr.write('\n');
    } else if (Math.floor(ratio * 10) !== lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      process.stderr.write(`  ${Math.round(ratio * 100)}% ${label}\n`);
    }
  };
};

const withDatabase = async (fn: (db: Database) => Promise<void>): Promise<void> => {
  try {
    const kernel = loadKernel();
    const { db } = await openKernelDatabase(kernel);
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  } catch (error) {
    failWith(error);
  }
};

const rebuild = (options: IndexOptions) =>
  withDatabase(async (db) => {
    const kinds = kindsOf(options.kind);
    const locale = localeOf(options.locale);
    const batchSize = options.batchSize ? Number(options.batchSize) : undefined;
    const rows: string[][] = [];
    for (const tenant of await tenantsOf(db, options.tenant)) {
      const reports = await rebuildTenant(db, tenant.id, {
        kinds,
        locale,
        batchSize,
        restart: options.restart,
        onProgress: progressBar(tenant.slug),
      });
      for (const r of reports) rows.push([tenant.slug, r.kind, String(r.items), String(r.purged)]);
    }
    process.stdout.write(`${table([['TENANT', 'KIND', 'ITEMS', 'PURGED ROWS'], ...rows])}\n`);
  });

const driftRow = (slug: string, r: DriftReport): string[] =>
  [slug, r.kind, r.items, r.expectedRows, r.missing, r.stale, r.orphaned, r.drift].map(String);

const verify = (options: IndexOptions) =>
  withDatabase(async (db) => {
    const kinds = kindsOf(options.kind);
    const locale = localeOf(options.locale);
    const rows: string[][] = [];
    const samples: string[] = [];
    let drift = 0;
    for (const tenant of await tenantsOf(db, options.tenant)) {
      for (const r of await verifyTenant(db, tenant.id, { kinds, locale })) {
        rows.push(driftRow(tenant.slug, r));
        drift += r.drift;
        for (const s of r.samples)
          samples.push(`  ${tenant.slug} ${r.kind} ${s.id} ${s.locale}: ${s.problem}${s.fields ? ` (${s.fields.join(', ')})` : ''}`);
      }
    }
    process.stdout.write(`${table([['TENANT', 'KIND', 'ITEMS', 'ROWS', 'MISSING', 'STALE', 'ORPHANED', 'DRIFT'], ...rows])}\n`);
    if (samples.length > 0) process.stdout.write(`differences (first ones):\n${samples.join('\n')}\n`);
    process.stdout.write(`drift: ${drift}\n`);
    if (drift > 0) process.exitCode = 1;
  });

/** `rustok index rebuild|verify`: the storefront read models against the write model. */
export const registerIndexCommands = (program: Command): void => {
  const index = program.command('index').description('storefront read models (index_products, index_content)');
  const common = (c: Command) =>
    c
      .option('--tenant <slug>', 'one tenant (default: every active tenant)')
      .option('--locale <code>', 'one locale')
      .option('--kind <kind>', `${INDEX_KINDS.join(' | ')} (default: both)`);
  common(index.command('rebuild').description('rebuild from the write model in resumable batches'))
    .option('--batch-size <n>', 'items per batch and transaction')
    .option('--restart', 'start over instead of resuming an interrupted run')
    .action(rebuild);
  common(index.command('verify').description('compare the index with the write model and report drift (exit 1 when any)')).action(verify);
};
