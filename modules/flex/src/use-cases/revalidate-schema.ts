import type { EventEnvelope, EventHandlerDeclaration, HandlerContext, SqlRunner } from '@rustok/kernel';
import { validatorFor } from '../compile/index.js';
import { FLEX_EVENT, type FlexRevalidatingPayload } from '../events.js';
import { countInvalid, entryValuesAfter, finishRevalidation, holderOf, schemaById, writeValidations } from '../store/validation.js';

/** Entries read and written per statement pair. */
const BATCH = 100;
/** Entries checked per transaction; the next chunk is a follow-up event (flex.schema.revalidating). */
export const REVALIDATION_CHUNK = 500;

/** Where a revalidation starts: afresh for a new version, or after an entry of the version it checks. */
export interface RevalidationStart {
  readonly version?: number;
  readonly afterId: string | null;
  /** Only when the schema waits for it (a renamed schema publishes flex.schema.updated too, with nothing to check). */
  readonly onlyPending?: boolean;
}

/**
 * Checks up to `limit` entries (or attached fieldsets) of the schema (oldest first, after `start.afterId`) against its current version
 * and records each result (validated_version, validation_errors); when none remain, the schema's state and count.
 * The schema row is locked first, so a new version waits for the chunk. Gives where to go on, or undefined when
 * done (or when a newer version took over). Idempotent: checking again gives the same columns and state.
 */
export const revalidateChunk = async (
  tx: SqlRunner,
  schemaId: string,
  start: RevalidationStart,
  limit: number,
): Promise<{ version: number; afterId: string } | undefined> => {
  const schema = await schemaById(tx, schemaId, true);
  if (!schema || (start.version !== undefined && start.version !== schema.version)) return undefined;
  if (start.onlyPending && schema.validation_state !== 'in_progress') return undefined;
  const validate = validatorFor(`${schema.id}:${schema.version}`, schema.json_schema);
  const holder = holderOf(schema.target);
  let afterId = start.afterId;
  for (let checked = 0; checked < limit; ) {
    const want = Math.min(BATCH, limit - checked);
    const batch = await entryValuesAfter(tx, holder, schema.id, afterId, want, true);
    const results = batch.map((entry) => ({ id: entry.id, errors: validate(entry.values) }));
    await writeValidations(tx, holder, schema.id, schema.version, results);
    checked += batch.length;
    afterId = batch.at(-1)?.id ?? afterId;
    if (batch.length < want) {
      await finishRevalidation(tx, schema.id, schema.version, await countInvalid(tx, holder, schema.id));
      return undefined;
    }
  }
  return afterId === null ? undefined : { version: schema.version, afterId };
};

/** Every entry of the schema at once, in the caller's transaction. */
export const revalidateSchema = async (tx: SqlRunner, schemaId: string): Promise<void> => {
  await revalidateChunk(tx, schemaId, { afterId: null }, Number.POSITIVE_INFINITY);
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an event asks to start (undefined: not a payload of ours). */
const startOf = (event: EventEnvelope): (RevalidationStart & { schemaId: string }) | undefined => {
  const payload = (event.payload ?? {}) as Partial<FlexRevalidatingPayload>;
  if (typeof payload.schemaId !== 'string' || !UUID.test(payload.schemaId)) return undefined;
  if (event.type === FLEX_EVENT.schemaUpdated) return { schemaId: payload.schemaId, afterId: null, onlyPending: true };
  if (typeof payload.afterId !== 'string' || !UUID.test(payload.afterId) || typeof payload.version !== 'number') return undefined;
  return { schemaId: payload.schemaId, version: payload.version, afterId: payload.afterId };
};

/** One chunk per event; the rest as a follow-up event in the same transaction (or all at once without one). */
const handleRevalidation = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const start = startOf(event);
  if (!start) return;
  const publish = ctx.publish;
  const next = await revalidateChunk(ctx.tx, start.schemaId, start, publish ? REVALIDATION_CHUNK : Number.POSITIVE_INFINITY);
  if (next && publish) {
    const payload: FlexRevalidatingPayload = { schemaId: start.schemaId, ...next };
    await publish(FLEX_EVENT.schemaRevalidating, payload);
  }
};

/**
 * Flex handles its own `flex.schema.updated` outside the request: the entries of a schema with a new version are
 * revalidated against it, a chunk per transaction (the receipt and the results commit together, so a redelivery
 * does nothing twice).
 */
export const flexHandlers: readonly EventHandlerDeclaration[] = [
  { consumer: 'flex.revalidation', types: [FLEX_EVENT.schemaUpdated, FLEX_EVENT.schemaRevalidating], handle: handleRevalidation },
];
