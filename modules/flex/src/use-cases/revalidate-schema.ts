import type { EventEnvelope, EventHandlerDeclaration, HandlerContext, SqlRunner } from '@rustok/kernel';
import { validatorFor } from '../compile/index.js';
import { FLEX_EVENT } from '../events.js';
import { countInvalid, entryValuesAfter, finishRevalidation, schemaById, writeValidations } from '../store/validation.js';

/** Entries checked per statement pair (read a batch, write its results). */
const BATCH = 200;

/**
 * Checks every entry of the schema against its current version, batch by batch, and records each result
 * (validated_version, validation_errors) and the schema's state. The schema row is locked first, so a new
 * version waits until this one is checked. Idempotent: checking again gives the same columns and state.
 */
export const revalidateSchema = async (tx: SqlRunner, schemaId: string): Promise<void> => {
  const schema = await schemaById(tx, schemaId, true);
  if (!schema) return;
  const validate = validatorFor(`${schema.id}:${schema.version}`, schema.json_schema);
  let afterId: string | null = null;
  for (;;) {
    const batch = await entryValuesAfter(tx, schema.id, afterId, BATCH, true);
    await writeValidations(
      tx,
      schema.version,
      batch.map((entry) => ({ id: entry.id, errors: validate(entry.values) })),
    );
    afterId = batch.at(-1)?.id ?? null;
    if (batch.length < BATCH || afterId === null) break;
  }
  await finishRevalidation(tx, schema.id, schema.version, await countInvalid(tx, schema.id));
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const handleSchemaUpdated = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const schemaId = (event.payload as Record<string, unknown> | null)?.schemaId;
  if (typeof schemaId === 'string' && UUID.test(schemaId)) await revalidateSchema(ctx.tx, schemaId);
};

/**
 * Flex handles its own `flex.schema.updated` outside the request: the entries of a schema with a new version
 * are revalidated against it (the receipt and the results commit together, so a redelivery does nothing twice).
 */
export const flexHandlers: readonly EventHandlerDeclaration[] = [
  { consumer: 'flex.revalidation', types: [FLEX_EVENT.schemaUpdated], handle: handleSchemaUpdated },
];
