import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModule, generateId } from '@rustok/kernel';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../src/start.js';

const shop = defineModule({
  slug: 'shop',
  name: 'Shop',
  description: 'fixture with a table and demo data',
  version: '1.0.0',
  kind: 'optional',
  migrations: [{ name: 'm20260101_shop_001_create', up: 'CREATE TABLE shop_items (id uuid PRIMARY KEY, title text NOT NULL)' }],
  seed: {
    demo: async ({ db }) => {
      await db.query('INSERT INTO shop_items (id, title) VALUES ($1, $2)', [generateId(), 'Demo item']);
    },
  },
});

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rustok-start-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const start = () =>
  startServer({
    environment: 'development',
    env: { RUSTOK_DATABASE__DATA_DIR: dataDir, PORT: '0', RUSTOK_SERVER__HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    modules: [shop],
    manifestFile: false,
    shutdown: { signals: [], exit: () => {} },
  });

it('serves readiness on the embedded database, and a second start reuses the data', async () => {
  const first = await start();
  expect(first.db.kind).toBe('pglite');
  expect(first.migrations?.applied).toEqual([
    'm20261121_events_001_outbox',
    'm20270108_events_002_receipts_age',
    'm20270201_events_003_partitions',
    'm20261122_tenancy_001_tenants',
    'm20261202_tenancy_002_tenant_locales',
    'm20261122_auth_001_identity',
    'm20261202_auth_002_accounts',
    'm20261203_auth_003_token_state',
    'm20261205_auth_004_access_tokens',
    'm20261203_platform_001_job_runs',
    'm20270108_platform_002_job_history',
    'm20261205_mcp_001_audit',
    'm20261205_mcp_002_audit_token',
    'm20260101_shop_001_create',
  ]);
  expect(first.seeded).toEqual(['tenancy', 'shop']);
  const ready = await fetch(`${first.address}/health/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({
    status: 'ok',
    modules: [
      { slug: 'events', status: 'ok' },
      { slug: 'tenancy', status: 'ok' },
      { slug: 'auth', status: 'ok' },
      { slug: 'platform', status: 'ok' },
      { slug: 'mcp', status: 'ok' },
      { slug: 'shop', status: 'ok' },
    ],
  });
  await first.stop();

  const second = await start();
  try {
    expect(second.migrations).toEqual({ applied: [], alreadyApplied: 14 });
    expect(second.seeded).toEqual([]);
    const { rows } = await second.db.query<{ title: string }>('SELECT title FROM shop_items');
    expect(rows).toEqual([{ title: 'Demo item' }]);
    expect((await fetch(`${second.address}/health/ready`)).status).toBe(200);
  } finally {
    await second.stop();
  }
}, 120_000); // two PGlite boots: slow on a loaded machine
