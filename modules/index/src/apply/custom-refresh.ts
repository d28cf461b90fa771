import { tenantLocales } from '@rustok/api';
import { FLEX_EVENT, flexFieldsOf } from '@rustok/flex/contracts';
import type { EventEnvelope, SqlRunner } from '@rustok/kernel';
import { type CustomValues, hideCustom, recomputeCustom, storeCustomValues } from './custom-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9_-]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The product's schema values a flex.values.* event names (read defensively), or undefined when it is not about a product. */
const valuesOf = (event: EventEnvelope): Omit<CustomValues, 'localized'> | undefined => {
  const p = event.payload;
  if (!isRecord(p) || p.target !== 'product') return undefined;
  const { entityId, schemaId, schema } = p;
  if (typeof entityId !== 'string' || !UUID.test(entityId) || typeof schemaId !== 'string' || !UUID.test(schemaId)) return undefined;
  if (typeof schema !== 'string' || !SLUG.test(schema)) return undefined;
  const updated = event.type === FLEX_EVENT.valuesUpdated;
  if (updated && !isRecord(p.publicValues)) return undefined;
  return {
    productId: entityId,
    schema,
    schemaId,
    schemaVersion: typeof p.schemaVersion === 'number' && Number.isInteger(p.schemaVersion) ? p.schemaVersion : 0,
    values: updated ? (p.publicValues as Record<string, unknown>) : null,
    eventAt: event.occurredAt,
    eventId: event.id,
  };
};

/** The keys of the schema's public fields that hold a value per locale (read in this transaction, through flex's read port). */
const localizedKeys = async (tx: SqlRunner, schema: string): Promise<string[]> =>
  (await flexFieldsOf(tx as Parameters<typeof flexFieldsOf>[0], 'product'))
    .filter((f) => f.schema === schema && f.localized)
    .map((f) => f.key);

/**
 * flex.values.updated / deleted of a product: the schema's public values are kept (unless a newer
 * event came first) and the product's rows in every locale show them. Gives the product changed, if any.
 */
export const applyCustomEvent = async (tx: SqlRunner, event: EventEnvelope): Promise<string | undefined> => {
  const values = valuesOf(event);
  if (!values) return undefined;
  const localized = values.values === null ? [] : await localizedKeys(tx, values.schema);
  if (!(await storeCustomValues(tx, { ...values, localized }))) return undefined;
  await recomputeCustom(tx, [values.productId], (await tenantLocales(tx)).defaultLocale);
  return values.productId;
};

/** Flex switched off (or on) for the tenant: its values leave (or come back to) the product rows. Gives the products changed. */
export const applyFlexSwitch = async (tx: SqlRunner, enabled: boolean): Promise<string[]> =>
  hideCustom(tx, !enabled, (await tenantLocales(tx)).defaultLocale);
