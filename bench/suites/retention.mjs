// Retention suite: the outbox (`sys_events`) and its receipts under a steady write load, with the
// retention job on (`settings.rustok.events.retention_ms`) beside a baseline with it off (0 keeps
// everything), both servers running at once on throw-away PostgreSQL databases with the same load.
// See bench/README.md.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { log, probePostgres, requireIntegers, serverEnv, sleep, throwAwayDatabase } from '../lib.mjs';
import { fmtInt, round } from '../stats.mjs';
import { ADMIN_EMAIL, prepareShop } from './bench-shop.mjs';
import { httpJson, startServer } from './storefront-http.mjs';

const defaults = {
  minutes: 10,
  rate: 50, // product updates per second and server (each one event and its consumers' receipts)
  products: 50,
  retentionMs: 60_000,
  // Both servers partition the outbox by this period (a day in production): with a minute, whole
  // periods expire within the run and retention drops them.
  partitionMs: 60_000,
  sampleS: 30,
  readyTimeoutMs: 180_000,
};

/** A server on its own database with the given retention, and its shop. */
const startTarget = async (o, adminUrl, retentionMs) => {
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const database = await throwAwayDatabase(adminUrl);
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: database.url,
    RUSTOK_ADMIN_EMAIL: ADMIN_EMAIL,
    RUSTOK_ADMIN_PASSWORD: password,
    RUSTOK_SETTINGS__RUSTOK__EVENTS__RETENTION_MS: String(retentionMs),
    RUSTOK_SETTINGS__RUSTOK__EVENTS__PARTITION_MS: String(o.partitionMs),
  };
  const server = await startServer({ root: o.root, env, readyTimeoutMs: o.readyTimeoutMs });
  const productOf = (i) => ({ title: `Kept product ${i}`, status: 'published' });
  const shop = await prepareShop({ base: server.base, password, slug: 'bench', count: o.products, productOf });
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  return { retentionMs, server, database, shop, sql, writes: 0, failed: {} };
};

const countsOf = async (t) => {
  const { rows } = await t.sql.query(
    `SELECT (SELECT count(*)::int FROM sys_events) AS events, (SELECT count(*)::int FROM sys_event_receipts) AS receipts,
            (SELECT count(*)::int FROM sys_events WHERE status <> 'dispatched') AS undispatched,
            (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('sys_events'))
            + (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('sys_event_receipts')) AS bytes,
            (SELECT count(*)::int FROM pg_partition_tree('sys_events') WHERE isleaf) AS partitions`,
  );
  const { events, receipts, undispatched } = rows[0];
  return {
    events,
    dispatched: events - undispatched,
    undispatched,
    receipts,
    bytes: Number(rows[0].bytes),
    partitions: rows[0].partitions,
  };
};

/** Updates products at `rate` per second (open loop, one tick every 100 ms) until `stopAt`. */
const writeLoad = async (t, rate, stopAt) => {
  const perTick = rate / 10;
  let owed = 0;
  let seq = 0;
  const inFlight = new Set();
  while (Date.now() < stopAt) {
    owed += perTick;
    for (; owed >= 1; owed--) {
      const id = t.shop.products[seq % t.shop.products.length];
      const body = { title: `Kept product ${seq++}` };
      const p = httpJson('PATCH', `${t.server.base}/api/v1/commerce/products/${id}`, { headers: t.shop.headers, body })
        .then((res) => {
          if (res.status === 200) t.writes++;
          else t.failed[res.status] = (t.failed[res.status] ?? 0) + 1;
        })
        .catch((error) => {
          t.failed[error.code ?? 'error'] = (t.failed[error.code ?? 'error'] ?? 0) + 1;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await sleep(100);
  }
  await Promise.all(inFlight);
};

/** Rows per minute over the second half of the samples (least squares): ~0 when bounded. */
const mb = (bytes) => (bytes / 1_048_576).toFixed(1);

const slopePerMinute = (samples, key) => {
  const half = samples.slice(Math.floor(samples.length / 2));
  const n = half.length;
  if (n < 2) return null;
  const xs = half.map((s) => s.atS / 60);
  const ys = half.map((s) => s[key]);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return round(num / den, 0);
};

export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['minutes', 'rate', 'products', 'retentionMs', 'partitionMs', 'sampleS', 'readyTimeoutMs']);
  const pgProbe = await probePostgres();
  if (!pgProbe.ok) return { ok: false, problems: [`PostgreSQL is needed (DATABASE_URL): ${pgProbe.reason}`] };
  log(
    `retention: two servers (retention ${o.retentionMs} ms / off, periods of ${o.partitionMs} ms), ${o.rate} writes/s each for ${o.minutes} min`,
  );
  const targets = [await startTarget(o, process.env.DATABASE_URL, o.retentionMs), await startTarget(o, process.env.DATABASE_URL, 0)];
  const problems = [];
  const samples = { on: [], off: [] };
  try {
    const started = Date.now();
    const stopAt = started + o.minutes * 60_000;
    const loads = targets.map((t) => writeLoad(t, o.rate, stopAt));
    while (Date.now() < stopAt) {
      await sleep(Math.min(o.sampleS * 1000, stopAt - Date.now()));
      const atS = Math.round((Date.now() - started) / 1000);
      const [on, off] = await Promise.all(targets.map(countsOf));
      samples.on.push({ atS, ...on });
      samples.off.push({ atS, ...off });
      log(
        `${atS}s: retention on ${on.dispatched}+${on.undispatched} events / ${on.receipts} receipts; off ${off.dispatched}+${off.undispatched} / ${off.receipts}`,
      );
    }
    await Promise.all(loads);
  } finally {
    for (const t of targets) {
      await t.sql.end().catch(() => {});
      const exit = await t.server.stop();
      if (exit.code !== 0) problems.push(`server (retention ${t.retentionMs}) exit code ${exit.code}`);
      await t.database.dispose();
    }
  }
  const [on, off] = targets;
  // Refused writes (e.g. a busy machine's timeouts) are reported; they do not change what the counts show.
  const failures = { on: on.failed, off: off.failed };
  const last = (list) => list[list.length - 1];
  const peakOn = Math.max(...samples.on.map((s) => s.dispatched));
  const result = {
    writes: { on: on.writes, off: off.writes },
    failures,
    samples,
    summary: {
      eventsAtEnd: { on: last(samples.on).events, off: last(samples.off).events },
      dispatchedAtEnd: { on: last(samples.on).dispatched, off: last(samples.off).dispatched },
      undispatchedAtEnd: { on: last(samples.on).undispatched, off: last(samples.off).undispatched },
      receiptsAtEnd: { on: last(samples.on).receipts, off: last(samples.off).receipts },
      peakEventsOn: peakOn,
      dispatchedSlopePerMinute: { on: slopePerMinute(samples.on, 'dispatched'), off: slopePerMinute(samples.off, 'dispatched') },
      receiptsSlopePerMinute: { on: slopePerMinute(samples.on, 'receipts'), off: slopePerMinute(samples.off, 'receipts') },
      bytesAtEnd: { on: last(samples.on).bytes, off: last(samples.off).bytes },
      peakBytesOn: Math.max(...samples.on.map((s) => s.bytes)),
      bytesSlopePerMinute: { on: slopePerMinute(samples.on, 'bytes'), off: slopePerMinute(samples.off, 'bytes') },
    },
  };
  const rows = samples.on.map((s, i) => {
    const b = samples.off[i];
    return [
      `${s.atS}`,
      fmtInt(s.dispatched),
      fmtInt(s.undispatched),
      fmtInt(s.receipts),
      fmtInt(b.dispatched),
      fmtInt(b.undispatched),
      fmtInt(b.receipts),
      mb(s.bytes),
      mb(b.bytes),
      `${s.partitions}`,
    ];
  });
  return {
    ok: problems.length === 0,
    problems,
    ...result,
    table: {
      title: `Outbox under ${o.rate} writes/s for ${o.minutes} min: retention ${o.retentionMs} ms vs off (PostgreSQL)`,
      columns: [
        's',
        'dispatched (on)',
        'not yet (on)',
        'receipts (on)',
        'dispatched (off)',
        'not yet (off)',
        'receipts (off)',
        'MB (on)',
        'MB (off)',
        'partitions (on)',
      ],
      rows,
      notes: [
        `writes: ${fmtInt(on.writes)} (on), ${fmtInt(off.writes)} (off); refused: ${JSON.stringify(failures)}`,
        `peak dispatched events kept with retention: ${fmtInt(peakOn)} ("not yet": pending or dead, which retention never deletes)`,
        `second-half growth, dispatched events/min: on ${result.summary.dispatchedSlopePerMinute.on}, off ${result.summary.dispatchedSlopePerMinute.off}`,
        `second-half growth, receipts/min: on ${result.summary.receiptsSlopePerMinute.on}, off ${result.summary.receiptsSlopePerMinute.off}`,
        `on disk (events + receipts, all partitions with indexes): on ${mb(result.summary.bytesAtEnd.on)} MB at the end (peak ${mb(result.summary.peakBytesOn)}), off ${mb(result.summary.bytesAtEnd.off)} MB; second-half growth bytes/min: on ${result.summary.bytesSlopePerMinute.on}, off ${result.summary.bytesSlopePerMinute.off}`,
      ],
    },
  };
}
