// Write → searchable latency of the storefront suite, at a steady rate (open loop), each write on a
// different product:
// - direct: the bench process renames the product in the write model and publishes its
//   commerce.product.updated in the same transaction (as the commerce module does), through an event
//   bus of its own that is never started: only the server's relay, woken by NOTIFY, handles it.
//   This is the index's own path: outbox → relay → index consumer.
// - http: PATCH /api/v1/commerce/products/{id} on the server, the whole system.
// Each mode first writes for a few seconds unmeasured (warm-up), then waits for the outbox to drain.
// Measured in the database as the index row's write time − the event's occurredAt (every write), and
// over HTTP for every 10th write (at most `probes` at a time, 1 by default, polling every `pollMs`,
// 10): from the write's commit until /store/products?q=<new word> finds it.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createEventBus } from '@rustok/events';
import pino from 'pino';
import { log, sleep, withAdmin } from '../lib.mjs';
import { httpJson, summary } from './storefront-http.mjs';

const waitDrained = async (db, timeoutMs) => {
  const started = Date.now();
  for (;;) {
    const { rows } = await db.query("SELECT count(*)::int AS n FROM sys_events WHERE status = 'pending'");
    if (rows[0].n === 0) return true;
    if (Date.now() - started > timeoutMs) return false;
    await sleep(100);
  }
};

/** Polls the storefront search until the product shows up: ms from `from`, or null after 10 s. */
const probe = async (base, slug, word, id, from, pollMs) => {
  while (performance.now() - from < 10_000) {
    const res = await httpJson('GET', `${base}/api/v1/store/products?q=${word}&limit=5`, { headers: { 'x-tenant-id': slug } });
    if (res.status === 200 && res.body.items.some((i) => i.id === id)) return performance.now() - from;
    await sleep(pollMs);
  }
  return null;
};

/**
 * A new word for each write: random letters, so that two writes' words share next to no trigram (words
 * with a common prefix would make every probe's typo fallback weigh every product renamed before).
 */
const randomWord = () => Array.from(randomBytes(12), (b) => String.fromCharCode(97 + (b % 26))).join('');

/**
 * Probes poll the server, so they must not become the load they measure. Until the product is indexed
 * every poll is a search that finds nothing, the costliest kind (full text, then the typo fallback):
 * four probes at a time polling every 10 ms sent ~280 of them a second, more requests than the writes
 * (bench/README.md, "Write → searchable"). One at a time sends at most ~80.
 */
export const WRITE_PROBES = 1;
export const WRITE_POLL_MS = 10;

/** The commerce write without HTTP: rename + version bump + event, one tenant transaction. */
const directWriter = async ({ db, tenant, root }) => {
  const { loadKernel } = await import('@rustok/server');
  const kernel = loadKernel({ root, logger: pino({ level: 'silent' }) });
  const bus = createEventBus({
    settings: kernel.config.settings.rustok.events,
    db,
    modules: kernel.registry.modules,
    logger: pino({ level: 'silent' }),
  });
  return (id, title) =>
    db.transaction(
      async (tx) => {
        const { rows } = await tx.query(
          'UPDATE commerce_products SET title = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING handle, status, version',
          [id, title],
        );
        const p = rows[0];
        const payload = { productId: id, handle: p.handle, status: p.status, version: p.version, changes: ['title'] };
        await bus.publishInTx(tx, { type: 'commerce.product.updated', tenantId: tenant.id, payload });
        return true;
      },
      { tenantId: tenant.id },
    );
};

const httpWriter =
  ({ base, tenant, token }) =>
  async (id, title) => {
    const res = await httpJson('PATCH', `${base}/api/v1/commerce/products/${id}`, {
      headers: { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.slug },
      body: { title },
    });
    return res.status === 200;
  };

/** The relay's batch figures from a server's /metrics: batches, events, and seconds spent per step (sums since start). */
const relayTotals = async (base) => {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (series) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${series} `))
        ?.split(' ')[1] ?? 0,
    );
  const phase = (name) => value(`rustok_events_relay_phase_seconds_sum{phase="${name}"}`);
  return {
    batches: value('rustok_events_relay_batch_events_count'),
    events: value('rustok_events_relay_batch_events_sum'),
    claim: phase('claim'),
    deliver: phase('deliver'),
    settle: phase('settle'),
  };
};

/** Per relay batch over a measurement (`after` − `before`): its events and the mean ms of each step. */
const relayPerBatch = (before, after) => {
  const batches = after.batches - before.batches;
  const mean = (key) => (batches > 0 ? Math.round(((after[key] - before[key]) * 1000 * 10) / batches) / 10 : null);
  return {
    batches,
    eventsPerBatch: batches > 0 ? Math.round(((after.events - before.events) / batches) * 10) / 10 : null,
    claimMs: mean('claim'),
    deliverMs: mean('deliver'),
    settleMs: mean('settle'),
  };
};

const indexLatencies = async (adminUrl, since) => {
  const { rows } = await withAdmin(adminUrl, (c) =>
    c.query(
      `SELECT extract(epoch FROM (p.indexed_at - (e.envelope->>'occurredAt')::timestamptz)) * 1000 AS ms
         FROM sys_events e JOIN index_products p ON p.product_id = (e.envelope->'payload'->>'productId')::uuid AND p.locale = 'en'
        WHERE e.id > $1 AND e.type = 'commerce.product.updated'`,
      [since],
    ),
  );
  return rows.map((r) => Number(r.ms));
};

const steadyWrites = async ({ write, products, total, rate, base, tenant, probing }) => {
  const pending = [];
  const probes = [];
  let active = 0;
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const word = randomWord();
    const id = products[i];
    pending.push(
      write(id, `Renamed product ${word}`).then(
        (ok) => {
          if (!ok) failed++;
          else if (i % 10 === 0 && active < probing.probes) {
            active++;
            probes.push(probe(base, tenant.slug, word, id, performance.now(), probing.pollMs).finally(() => active--));
          }
        },
        () => failed++,
      ),
    );
  }
  await Promise.all(pending);
  return {
    failed,
    achievedRate: Math.round(total / ((performance.now() - t0) / 1000)),
    probes: (await Promise.all(probes)).filter((x) => x !== null),
  };
};

/**
 * Where the server runs without autovacuum, what it would have done by now: the rows the previous
 * writes left dead (each rename replaces an index row and its search postings) are vacuumed, so a
 * mode does not pay for the one before it. Returns whether it vacuumed.
 */
const vacuumAsAutovacuumWould = (adminUrl) =>
  withAdmin(adminUrl, async (c) => {
    const off = (await c.query('SHOW autovacuum')).rows[0].autovacuum === 'off';
    if (off) await c.query('VACUUM ANALYZE');
    return off;
  });

/**
 * Writes at the measured rate for `warmupS` first (not measured, on products the measurement writes
 * again later), so that the server's code is compiled and its pool's connections are open and have
 * prepared their statements, as in a server that has been running; then waits for the outbox to drain
 * and vacuums where autovacuum is off. The probes search during the warm-up too (not counted): a read
 * connection's first search plans the search functions (50-120 ms of the database's time under these
 * writes, ~1 ms afterwards), and the writes' own reads keep all of the read pool's connections in turn.
 */
const warmUp = async ({ mode, write, pool, rate, warmupS, base, tenant, db, adminUrl, probing, problems }) => {
  const total = Math.min(pool.length, Math.round(rate * warmupS));
  if (total === 0) return;
  log(`writes (${mode}): warm-up, ${total} renames at ${rate}/s`);
  const run = await steadyWrites({ write, products: pool.slice(0, total), total, rate, base, tenant, probing });
  if (run.failed > 0) problems.push(`writes (${mode}): ${run.failed} of ${total} warm-up writes failed`);
  if (!(await waitDrained(db, 120_000))) problems.push(`writes (${mode}): the outbox did not drain after the warm-up`);
  if (await vacuumAsAutovacuumWould(adminUrl)) log(`writes (${mode}): autovacuum is off, the database vacuumed after the warm-up`);
};

/**
 * One measurement: `mode` direct or http, `total` writes on distinct products taken from `pool`; with the
 * relay's batches over it, read from the /metrics of the process that relays (`relayBase`).
 */
export const measureWrites = async ({
  mode,
  base,
  db,
  adminUrl,
  root,
  tenant,
  token,
  rate,
  durationS,
  warmupS,
  probing,
  pool,
  problems,
  relayBase = base,
}) => {
  const write = mode === 'direct' ? await directWriter({ db, tenant, root }) : httpWriter({ base, tenant, token });
  await warmUp({ mode, write, pool, rate, warmupS, base, tenant, db, adminUrl, probing, problems });
  const total = Math.min(pool.length, Math.round(rate * durationS));
  const products = pool.splice(0, total);
  const { rows: mark } = await db.query('SELECT id FROM sys_events ORDER BY id DESC LIMIT 1');
  const since = mark[0]?.id ?? '00000000-0000-0000-0000-000000000000';
  log(`writes (${mode}): ${total} product renames at ${rate}/s`);
  const relayBefore = await relayTotals(relayBase);
  const run = await steadyWrites({ write, products, total, rate, base, tenant, probing });
  if (run.failed > 0) problems.push(`writes (${mode}): ${run.failed} of ${total} writes failed`);
  if (!(await waitDrained(db, 120_000))) problems.push(`writes (${mode}): the outbox did not drain within 120 s`);
  const relay = relayPerBatch(relayBefore, await relayTotals(relayBase));
  const latencies = await indexLatencies(adminUrl, since);
  if (latencies.length < total - run.failed)
    problems.push(`writes (${mode}): ${latencies.length} indexed of ${total - run.failed} written`);
  return {
    mode,
    writes: total,
    failed: run.failed,
    achievedRate: run.achievedRate,
    probing,
    database: summary(latencies),
    http: summary(run.probes),
    relay,
  };
};
