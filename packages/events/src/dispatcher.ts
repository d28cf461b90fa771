import { type Database, preparedSql, switchTenant, type Tx } from '@rustok/db';
import { type EventEnvelope, type EventHandlerDeclaration, type HandlerContext, type HandlerServices, runInScope } from '@rustok/kernel';
import type { Logger } from 'pino';
import { mapLimit, sleep } from './concurrency.js';
import { chunkGroups, type Group, groupEvents } from './dispatch-groups.js';
import type { EventMetrics } from './metrics.js';
import { withHandlerSpan } from './trace.js';
import type { DeliveryResult, EventSink, NewEvent } from './types.js';

export interface DispatcherOptions {
  readonly db: Database;
  readonly handlers: readonly EventHandlerDeclaration[];
  readonly logger: Logger;
  readonly metrics?: EventMetrics;
  /** Groups (consumer × tenant) handled at once. */
  readonly concurrency?: number;
  /**
   * Groups that may share one transaction (default 32): a delivery of more tenants than `concurrency`
   * commits once per run of groups instead of once per group. A run that fails is handled again group by group.
   */
  readonly groupsPerTransaction?: number;
  /** Immediate retries of a failing handler before the event counts as failed (backoff is the relay's). */
  readonly handlerRetries?: number;
  /** Publishes a handler's follow-up event in its transaction (the bus's publishInTx); handlers get `ctx.publish` from it. */
  readonly publish?: (tx: Tx, event: NewEvent) => Promise<unknown>;
  /** What handlers get as `ctx.services` (read when a handler runs). */
  readonly services?: () => HandlerServices | undefined;
}

type AfterCommit = () => void | Promise<void>;

type Failure = { consumer: string; error: string };

const RECEIPTS_SQL = preparedSql(
  'outbox_receipts',
  `INSERT INTO sys_event_receipts (consumer, event_id, tenant_id)
   SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[])
   ON CONFLICT (consumer, event_id) DO NOTHING RETURNING consumer, event_id`,
);

/** Records receipts for every group's events in one statement; returns `consumer|eventId` of those not handled before. */
const claimReceipts = async (tx: Tx, groups: readonly Group[]): Promise<Set<string>> => {
  const columns: [string[], string[], string[]] = [[], [], []];
  for (const { handler, tenantId, events } of groups) {
    for (const event of events) {
      columns[0].push(handler.consumer);
      columns[1].push(event.id);
      columns[2].push(tenantId);
    }
  }
  const { rows } = await tx.query<{ consumer: string; event_id: string }>(RECEIPTS_SQL, columns);
  return new Set(rows.map((r) => `${r.consumer}|${r.event_id}`));
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2_000);

/**
 * Runs each event through every handler that declares its type. A handler's effects and its
 * receipt commit in one tenant transaction, so a redelivered event has no second effect; a failing
 * handler fails only its own events, never the other consumers.
 */
export const createDispatcher = (options: DispatcherOptions): EventSink & { readonly handlers: readonly EventHandlerDeclaration[] } => {
  const { db, logger, metrics } = options;
  const retries = options.handlerRetries ?? 2;

  /** In the scope (request ids) of `event` (the only event, or the last of a batch) and in the consumer's span. */
  const inEventScope = (consumer: string, events: readonly EventEnvelope[], event: EventEnvelope, fn: () => Promise<void>) =>
    runInScope({ requestId: event.id, correlationId: event.correlationId, tenantId: event.tenantId, causationId: event.id }, () =>
      withHandlerSpan(consumer, events, fn),
    );

  /** A handler's context: its transaction, tenant and logger, publishing in that transaction, work after its commit. */
  const contextOf = (tx: Tx, tenantId: string, log: Logger, later: AfterCommit[]): HandlerContext => {
    const publish = options.publish;
    return {
      tx,
      tenantId,
      logger: log,
      afterCommit: (fn) => {
        later.push(fn);
      },
      services: options.services?.(),
      ...(publish && {
        publish: async (type: string, payload: unknown) => {
          await publish(tx, { type, tenantId, payload });
        },
      }),
    };
  };

  /** The handlers' after-commit work, once their transaction committed: not awaited by the delivery, failures logged. */
  const runLater = (consumer: string, later: readonly AfterCommit[]) => {
    for (const fn of later) {
      void (async () => fn())().catch((error: unknown) => logger.warn({ consumer, err: error }, 'after-commit work failed'));
    }
  };

  /** Runs the handler over the fresh events (one call for a batch handler); the duration metric is per event. */
  const handleFresh = async (group: Group, tx: Tx, fresh: readonly EventEnvelope[], later: AfterCommit[]) => {
    const { handler, tenantId } = group;
    const observe = (started: number, count: number) =>
      metrics?.handlerDuration.observe({ consumer: handler.consumer }, (performance.now() - started) / 1000 / count);
    const last = fresh.at(-1);
    const batch = handler.handleBatch;
    if (batch && last) {
      const started = performance.now();
      const ctx = contextOf(tx, tenantId, logger.child({ consumer: handler.consumer, eventIds: fresh.map((e) => e.id) }), later);
      await inEventScope(handler.consumer, fresh, last, () => batch(fresh, ctx));
      return observe(started, fresh.length);
    }
    for (const event of fresh) {
      const started = performance.now();
      const ctx = contextOf(tx, tenantId, logger.child({ consumer: handler.consumer, eventId: event.id }), later);
      await inEventScope(handler.consumer, [event], event, () => handler.handle(event, ctx));
      observe(started, 1);
    }
  };

  /**
   * Groups in one transaction (often just one): their receipts in one statement, then each handler
   * over its fresh events under its tenant; all commit or none.
   */
  const runGroups = async (groups: readonly Group[]) => {
    const later = groups.map((): AfterCommit[] => []);
    await db.transaction(
      async (tx) => {
        const fresh = await claimReceipts(tx, groups);
        let current = tx;
        for (const [i, group] of groups.entries()) {
          const events = group.events.filter((e) => fresh.has(`${group.handler.consumer}|${e.id}`));
          if (events.length === 0) continue;
          if (current.tenantId !== group.tenantId) current = switchTenant(tx, group.tenantId);
          await handleFresh(group, current, events, later[i] ?? []);
        }
      },
      { tenantId: groups[0]?.tenantId },
    );
    for (const [i, group] of groups.entries()) runLater(group.handler.consumer, later[i] ?? []);
  };

  const runGroup = (group: Group, events: readonly EventEnvelope[]) => runGroups([{ ...group, events: [...events] }]);

  /** One transaction for the whole group; on failure, each event alone (with retries) to isolate it. */
  const handleGroup = async (group: Group): Promise<Map<string, string>> => {
    const failed = new Map<string, string>();
    if (group.events.length > 1) {
      try {
        await runGroup(group, group.events);
        return failed;
      } catch {
        // fall through to one event at a time
      }
    }
    for (const event of group.events) {
      for (let attempt = 0; ; attempt++) {
        try {
          await runGroup(group, [event]);
          break;
        } catch (error) {
          if (attempt >= retries) {
            failed.set(event.id, errorText(error));
            logger.warn({ consumer: group.handler.consumer, eventId: event.id, type: event.type, err: error }, 'event handler failed');
            break;
          }
          await sleep(10 * 4 ** attempt);
        }
      }
    }
    return failed;
  };

  /** A run of groups in one transaction; when it fails, each group on its own (so one bad group fails only itself). */
  const handleChunk = async (chunk: readonly Group[]) => {
    if (chunk.length > 1) {
      try {
        await runGroups(chunk);
        return chunk.map((group) => ({ group, failed: new Map<string, string>() }));
      } catch {
        // fall through to one group at a time
      }
    }
    const outcomes: { group: Group; failed: Map<string, string> }[] = [];
    for (const group of chunk) outcomes.push({ group, failed: await handleGroup(group) });
    return outcomes;
  };

  return {
    handlers: options.handlers,
    async deliver(events) {
      const lanes = options.concurrency ?? 4;
      const chunks = chunkGroups(groupEvents(options.handlers, events), lanes, options.groupsPerTransaction ?? 32);
      const outcomes = (await mapLimit(chunks, lanes, handleChunk)).flat();
      const failures = new Map<string, Failure[]>();
      for (const { group, failed } of outcomes) {
        for (const [eventId, error] of failed)
          failures.set(eventId, [...(failures.get(eventId) ?? []), { consumer: group.handler.consumer, error }]);
      }
      const results = new Map<string, DeliveryResult>();
      for (const event of events) {
        const list = failures.get(event.id);
        results.set(
          event.id,
          list
            ? { ok: false, consumers: list.map((f) => f.consumer), error: list.map((f) => `${f.consumer}: ${f.error}`).join('; ') }
            : { ok: true },
        );
      }
      return results;
    },
  };
};
