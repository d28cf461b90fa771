import { type Database, preparedSql } from '@rustok/db';
import { type EventEnvelope, generateId } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { EventMetrics } from '../metrics.js';
import { withRelaySpan } from '../trace.js';
import type { DeliveryResult, EventSink } from '../types.js';
import { OUTBOX_CHANNEL } from './publish.js';
import { backoffMs, type RetryPolicy, settleClaimed } from './settle.js';

export interface RelayOptions extends RetryPolicy {
  readonly db: Database;
  readonly sink: EventSink;
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  readonly batchSize?: number;
  /** How long a claim holds; a crashed relay's events are claimed again after it. */
  readonly leaseMs?: number;
  /** Polling fallback when no notification arrives. */
  readonly pollMs?: number;
  /** Identifies this relay in `claimed_by`. */
  readonly owner?: string;
  /**
   * While events stream in (the last claim found some, and was less than a few lingers ago), wait
   * this long after a wake-up before claiming, so that one batch carries the commits of that time:
   * one claim, one consumer transaction and one settle for several events instead of each. A relay
   * woken after a quiet spell claims at once. 0 turns it off.
   */
  readonly lingerMs?: number;
}

export interface Relay {
  readonly owner: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Claims and delivers one batch; returns how many events it claimed. */
  runOnce(): Promise<number>;
  /** Wakes the loop now (a local publish committed). */
  wake(): void;
}

type ClaimedRow = {
  id: string;
  envelope: EventEnvelope;
  attempts: number;
};

const CLAIM_SQL = preparedSql(
  'outbox_claim',
  `UPDATE sys_events AS e
SET claimed_by = $1, claimed_until = now() + make_interval(secs => $2::double precision / 1000), attempts = e.attempts + 1
WHERE e.id IN (
  SELECT id FROM sys_events
  WHERE status = 'pending' AND available_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
  ORDER BY available_at, id
  LIMIT $3
  FOR UPDATE SKIP LOCKED
)
RETURNING e.id, e.envelope, e.attempts`,
);

/**
 * The outbox relay: claims pending events (FOR UPDATE SKIP LOCKED, with an owner and a lease, so
 * several relays share the work and a crashed one's events come back), delivers them to the sink,
 * then marks them dispatched, schedules a retry with backoff, or moves them to the dead letters.
 * It wakes on NOTIFY and polls as a fallback.
 */
export const createRelay = (options: RelayOptions): Relay => {
  const { db, sink, logger } = options;
  const owner = options.owner ?? `relay-${process.pid}-${generateId().slice(-12)}`;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  const lingerMs = options.lingerMs ?? 0;
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;
  let unlisten: (() => Promise<void>) | undefined;

  const runOnce = async (): Promise<number> => {
    if (sink.available && !sink.available()) return 0;
    const metrics = options.metrics;
    const claimStarted = performance.now();
    const { rows } = await db.query<ClaimedRow>(CLAIM_SQL, [owner, leaseMs, batchSize]);
    if (rows.length === 0) return 0;
    const delivering = performance.now();
    metrics?.relayPhase.observe({ phase: 'claim' }, (delivering - claimStarted) / 1000);
    metrics?.relayBatch.observe(rows.length);
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const envelopes = rows.map((r) => ({ ...r.envelope, retryCount: r.attempts - 1 }));
    await withRelaySpan(envelopes, async () => {
      let results: Map<string, DeliveryResult>;
      try {
        results = await sink.deliver(envelopes);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results = new Map(envelopes.map((e) => [e.id, { ok: false, error: message, consumers: [], transient: true } as const]));
      }
      const settling = performance.now();
      metrics?.relayPhase.observe({ phase: 'deliver' }, (settling - delivering) / 1000);
      await settleClaimed(db, owner, rows, results, options, metrics);
      metrics?.relayPhase.observe({ phase: 'settle' }, (performance.now() - settling) / 1000);
    });
    return rows.length;
  };

  /** Until a wake-up (NOTIFY, a local commit, stop) or the timeout. */
  const waitForWork = (timeoutMs = pollMs) =>
    new Promise<void>((resolve) => {
      if (pendingWake) {
        pendingWake = false;
        return resolve();
      }
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const wake = () => {
    if (wakeUp) wakeUp();
    else pendingWake = true;
  };

  /** After a wake-up: let more commits land when events are streaming in (see RelayOptions.lingerMs). */
  const linger = async (claimed: number, claimStarted: number) => {
    if (lingerMs === 0 || claimed === 0 || !running || performance.now() - claimStarted > 4 * lingerMs) return;
    await new Promise((resolve) => setTimeout(resolve, lingerMs));
  };

  const run = async () => {
    let failures = 0;
    while (running) {
      try {
        const claimStarted = performance.now();
        const claimed = await runOnce();
        failures = 0;
        if (claimed < batchSize && running) {
          await waitForWork();
          await linger(claimed, claimStarted);
        }
      } catch (error) {
        failures++;
        logger.error({ err: error, owner }, 'outbox relay iteration failed');
        // The database is away: retry soon (capped, not the per-event backoff), and stop() still interrupts.
        if (running) await waitForWork(backoffMs(failures, { backoffBaseMs: 100, backoffMaxMs: Math.max(pollMs, 5_000) }));
      }
    }
  };

  return {
    owner,
    runOnce,
    wake,
    async start() {
      if (running) return;
      running = true;
      unlisten = await db.listen(OUTBOX_CHANNEL, wake).catch((error: unknown) => {
        logger.warn({ err: error }, 'outbox relay cannot LISTEN; polling only');
        return undefined;
      });
      loop = run();
    },
    async stop() {
      running = false;
      wake();
      await loop;
      await unlisten?.();
    },
  };
};
