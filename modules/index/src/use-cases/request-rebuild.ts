import type { Database, Tx } from '@rustok/db';
import type { EventEnvelope } from '@rustok/kernel';
import { INDEX_EVENT, INDEX_KINDS, type IndexKind, type ReindexRequestedPayload } from '../events.js';

/** The part of the event bus this needs (`app.events`). */
export interface RebuildPublisher {
  publishInTx(
    tx: Tx,
    event: { type: string; tenantId: string; payload: unknown; actorId?: string | null },
  ): Promise<EventEnvelope<unknown>>;
}

export interface RebuildRequest {
  readonly kinds?: readonly IndexKind[] | undefined;
  readonly locale?: string | null | undefined;
}

export interface RebuildRequested {
  readonly eventId: string;
  readonly kinds: IndexKind[];
  readonly locale: string | null;
}

/** Publishes index.reindex.requested for the tenant; the index's own consumer runs the rebuild. */
export const requestRebuild = async (
  db: Database,
  events: RebuildPublisher,
  tenantId: string,
  input: RebuildRequest,
  actor: { userId: string | null; reason: ReindexRequestedPayload['reason'] },
): Promise<RebuildRequested> => {
  const kinds = [...new Set(input.kinds?.length ? input.kinds : INDEX_KINDS)];
  const payload: ReindexRequestedPayload = { kinds, locale: input.locale ?? null, reason: actor.reason };
  const envelope = await db.transaction(
    (tx) => events.publishInTx(tx, { type: INDEX_EVENT.reindexRequested, tenantId, payload, actorId: actor.userId }),
    { tenantId },
  );
  return { eventId: envelope.id, kinds, locale: payload.locale };
};
