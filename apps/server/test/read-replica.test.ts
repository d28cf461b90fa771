import { commerceModule } from '@rustok/commerce';
import { contentModule } from '@rustok/content';
import { openPostgres, withOwnerConnection } from '@rustok/db';
import { indexModule } from '@rustok/index';
import {
  createTestPlatform,
  type PostgresCluster,
  postgresClusterSkipReason,
  startPostgresCluster,
  startStandby,
  type TestPlatform,
  until,
} from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Storefront reads on a streaming replica of the test's own (a primary cluster and a standby made
 * with pg_basebackup, each on a free port). Replay on the standby is paused to make its copy
 * visibly stale: a visitor then reads the old catalog, the client that wrote reads the new one.
 */
const skip = postgresClusterSkipReason();
const title = `read replica: storefront and staff list reads, read-your-writes, fallback${skip ? ` [skipped: ${skip}]` : ''}`;
const WINDOW_MS = 20_000;

describe.skipIf(skip)(title, () => {
  let primary: PostgresCluster;
  let standby: PostgresCluster;
  let p: TestPlatform;
  let admin: Record<string, string>;
  let visitor: Record<string, string>;
  let sequence = 0;

  const replay = (action: 'pause' | 'resume') =>
    withOwnerConnection(standby.url, (owner) => owner.query(`SELECT pg_wal_replay_${action}()`));
  const replicaUp = async () => p.database.db.replicaStatus()[0]?.up === true;
  const drained = () =>
    until(async () => {
      const { rows } = await p.database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
      return rows[0]?.n === 0;
    }, 'an empty outbox');
  /** The handles of the storefront's product list, as these headers read it. */
  const listed = async (headers: Record<string, string>): Promise<string[]> => {
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/store/products?limit=100', headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { handle: string }[] }>().items.map((i) => i.handle);
  };
  const byHandle = async (handle: string, headers: Record<string, string>) =>
    (await p.app.inject({ method: 'GET', url: `/api/v1/store/products/${handle}`, headers })).statusCode;
  /** Creates and publishes a product through the API; gives its handle and the cookie of the publishing answer. */
  const publish = async (name: string): Promise<{ handle: string; cookie: string | undefined }> => {
    const sku = `RR-${process.pid}-${sequence++}`;
    const body = { title: name, variants: [{ title: 'One', sku, prices: [{ amount: 1000, currencyCode: 'USD' }], inventory: 3 }] };
    const created = await p.app.inject({ method: 'POST', url: '/api/v1/commerce/products', headers: admin, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const { id, handle } = created.json<{ id: string; handle: string }>();
    const published = await p.app.inject({ method: 'POST', url: `/api/v1/commerce/products/${id}/publish`, headers: admin });
    expect(published.statusCode, published.body).toBe(200);
    const setCookie = [published.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('rustok_wrote='));
    await drained();
    return { handle, cookie: setCookie?.split(';')[0] };
  };

  beforeAll(async () => {
    primary = await startPostgresCluster();
    standby = await startStandby(primary);
    p = await createTestPlatform({
      backend: { name: 'postgres', url: primary.url },
      modules: [contentModule, commerceModule, indexModule],
      readReplicas: [standby.url],
      // A paused replica must keep serving (and stay stale) here: the lag allowed is far above the test's length.
      config: { database: { replica_check_ms: 100, replica_max_lag_ms: 600_000, read_your_writes_ms: WINDOW_MS } },
    });
    const tenant = await p.createTenant('replica-shop');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    visitor = { 'x-tenant-id': tenant.id };
    await until(replicaUp, 'the replica serving reads', 30_000);
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await standby?.stop();
    await primary?.stop();
  });

  it('reads the storefront on the replica; the client that wrote reads from the primary for the window', async () => {
    const first = await publish('Replica lamp');
    await until(async () => (await listed(visitor)).includes(first.handle), 'the first product on the replica');
    // A safe request marks nothing.
    const read = await p.app.inject({ method: 'GET', url: '/api/v1/store/products', headers: visitor });
    expect(read.headers['set-cookie']).toBeUndefined();

    await replay('pause');
    try {
      const second = await publish('Replica desk');
      expect(second.cookie).toMatch(/^rustok_wrote=\d+$/);
      const writer = { ...visitor, cookie: `theme=dark; ${second.cookie}` };
      // The primary's index has it (the writer reads there); the paused replica does not, so a visitor does not see it.
      expect(await listed(writer)).toContain(second.handle);
      expect(await byHandle(second.handle, writer)).toBe(200);
      for (let i = 0; i < 5; i++) {
        expect(await listed(visitor)).not.toContain(second.handle);
        expect(await byHandle(second.handle, visitor)).toBe(404);
      }
      // The same over GraphQL: a query (sent by POST) marks nothing and reads like any other.
      const gql = async (headers: Record<string, string>) => {
        const query = '{ storeProducts(first: 100) { items { handle } } }';
        const res = await p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
        expect(res.headers['set-cookie']).toBeUndefined();
        return res.json<{ data: { storeProducts: { items: { handle: string }[] } } }>().data.storeProducts.items.map((i) => i.handle);
      };
      expect(await gql(writer)).toContain(second.handle);
      expect(await gql(visitor)).not.toContain(second.handle);
      // Staff lists read there too (REST and GraphQL): the token client without the mark gets the replica's copy.
      const staffList = async (headers: Record<string, string>) => {
        const res = await p.app.inject({ method: 'GET', url: '/api/v1/commerce/products?limit=100', headers });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ items: { handle: string }[] }>().items.map((i) => i.handle);
      };
      expect(await staffList({ ...admin, cookie: second.cookie ?? '' })).toContain(second.handle);
      expect(await staffList(admin)).toEqual(expect.arrayContaining([first.handle]));
      expect(await staffList(admin)).not.toContain(second.handle);
      const staffGql = async (headers: Record<string, string>) => {
        const query = '{ commerceProducts(first: 100) { items { handle } } }';
        const res = await p.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
        return res.json<{ data: { commerceProducts: { items: { handle: string }[] } } }>().data.commerceProducts.items.map((i) => i.handle);
      };
      expect(await staffGql({ ...admin, cookie: second.cookie ?? '' })).toContain(second.handle);
      expect(await staffGql(admin)).not.toContain(second.handle);
      // Content lists (content itself, and blog, forum and pages through it) read there as well.
      const node = await p.app.inject({
        method: 'POST',
        url: '/api/v1/content/nodes',
        headers: admin,
        payload: { kind: 'post', title: 'Replica note' },
      });
      expect(node.statusCode, node.body).toBe(201);
      const nodeId = node.json<{ id: string }>().id;
      const nodeMark =
        [node.headers['set-cookie'] ?? []]
          .flat()
          .find((c) => c.startsWith('rustok_wrote='))
          ?.split(';')[0] ?? '';
      const nodes = async (headers: Record<string, string>) => {
        const res = await p.app.inject({ method: 'GET', url: '/api/v1/content/nodes?limit=100', headers });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
      };
      expect(await nodes({ ...admin, cookie: nodeMark })).toContain(nodeId);
      expect(await nodes(admin)).not.toContain(nodeId);
      // The order list is a read-only transaction, which a standby serves.
      expect((await p.app.inject({ method: 'GET', url: '/api/v1/commerce/orders', headers: admin })).statusCode).toBe(200);
      // A mark older than the window counts for nothing.
      const stale = { ...visitor, cookie: `rustok_wrote=${Date.now() - WINDOW_MS - 1_000}` };
      expect(await listed(stale)).not.toContain(second.handle);
      // The lag is measured while replay stands still.
      await until(async () => (p.database.db.replicaStatus()[0]?.lagMs ?? 0) > 200, 'a measured lag');
      const metrics = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
      const lag = new RegExp(`^rustok_db_replica_lag_seconds\\{replica="127.0.0.1:${standby.port}"\\} ([\\d.e-]+)$`, 'm').exec(metrics);
      expect(Number(lag?.[1]), metrics).toBeGreaterThan(0.2);
      expect(metrics).toContain(`rustok_db_replica_up{replica="127.0.0.1:${standby.port}"} 1`);
    } finally {
      await replay('resume');
    }
    const caughtUp = await publish('Replica chair');
    await until(async () => (await listed(visitor)).includes(caughtUp.handle), 'the replica caught up');
    await until(async () => p.database.db.replicaStatus()[0]?.lagMs === 0, 'no lag');
  });

  it('takes a replica further behind than replica_max_lag_ms out of the reads, and back once it has caught up', async () => {
    const url = p.database.url as string;
    const onStandby = new URL(url);
    onStandby.port = String(standby.port);
    const db = await openPostgres({
      url,
      appRole: 'rustok_app',
      poolMax: 2,
      readPoolMax: 2,
      replicas: { urls: [onStandby.toString()], maxLagMs: 300, checkMs: 50 },
    });
    try {
      await until(async () => db.replicaReads() !== db, 'the replica serving reads');
      await replay('pause');
      try {
        await withOwnerConnection(url, (owner) =>
          owner.query('CREATE TABLE lag_probe (n int); GRANT SELECT ON lag_probe TO rustok_app; INSERT INTO lag_probe VALUES (1)'),
        );
        await until(async () => db.replicaStatus()[0]?.up === false, 'the lagging replica out of the reads');
        expect(db.replicaStatus()[0]?.lagMs).toBeGreaterThan(300);
        expect(db.replicaReads()).toBe(db);
      } finally {
        await replay('resume');
      }
      await until(async () => db.replicaStatus()[0]?.up === true, 'the replica back in the reads');
      expect(db.replicaReads()).not.toBe(db);
      const { rows } = await db.replicaReads().query<{ n: number }>('SELECT n FROM lag_probe');
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('reads from the primary while the replica is stopped, and from the replica again once it is back', async () => {
    await standby.stopServer();
    try {
      const during = await publish('Fallback stool');
      // Every read is answered, from the primary: the new product is there at once.
      for (let i = 0; i < 5; i++) expect(await listed(visitor)).toContain(during.handle);
      expect(await byHandle(during.handle, visitor)).toBe(200);
      expect(await replicaUp()).toBe(false);
      const metrics = (await p.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toContain(`rustok_db_replica_up{replica="127.0.0.1:${standby.port}"} 0`);
    } finally {
      await standby.startServer();
    }
    await until(replicaUp, 'the replica serving reads', 30_000);
    // Back on the replica: with replay paused, a visitor no longer sees what is written.
    await replay('pause');
    try {
      const after = await publish('Fallback shelf');
      expect(await listed(visitor)).not.toContain(after.handle);
    } finally {
      await replay('resume');
    }
  });
});
