import { tenantLocales } from '@rustok/api';
import { FLEX_EVENT, flexFieldsOf } from '@rustok/flex/contracts';
import type { EventEnvelope, SqlRunner } from '@rustok/kernel';
import { type CustomValues, hideCustom, recomputeCustom, rekeyCustom, storeCustomValues } from './custom-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9_-]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The product's schema values a flex.values.* event names (read defensively), or undefined when it is not about a product. */
const valuesOf = (event: EventEnvelope): Omit<CustomValues, 'localized' | 'searchable'> | undefined => {
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

/** The keys of the schema's public fields that hold a value per locale, and those the search reads (through flex's read port). */
const fieldKeys = async (tx: SqlRunner, schema: string): Promise<Pick<CustomValues, 'localized' | 'searchable'>> => {
  const fields = (await flexFieldsOf(tx as Parameters<typeof flexFieldsOf>[0], 'product')).filter((f) => f.schema === schema);
  return {
    localized: fields.filter((f) => f.localized).map((f) => f.key),
    searchable: fields.filter((f) => f.searchable).map((f) => f.key),
  };
};

/** A product whose public values changed, and whether its search text may have (its rows' vectors are then rebuilt). */
export interface CustomChange {
  readonly productId: string;
  readonly searchChanged: boolean;
}

/** The products a stored-values change touched, each marked when its search text may have changed too. */
const changesOf = ({ ids, searchIds }: { readonly ids: readonly string[]; readonly searchIds: readonly string[] }): CustomChange[] => {
  const search = new Set(searchIds);
  return ids.map((productId) => ({ productId, searchChanged: search.has(productId) }));
};

/**
 * flex.values.updated / deleted of a product: the schema's public values are kept (unless a newer
 * event came first) and the product's rows in every locale show them. Gives the product changed, if any.
 */
export const applyCustomEvent = async (tx: SqlRunner, event: EventEnvelope): Promise<CustomChange | undefined> => {
  const values = valuesOf(event);
  if (!values) return undefined;
  const keys = values.values === null ? { localized: [], searchable: [] } : await fieldKeys(tx, values.schema);
  const { stored, searchChanged } = await storeCustomValues(tx, { ...values, ...keys });
  if (!stored) return undefined;
  await recomputeCustom(tx, [values.productId], (await tenantLocales(tx)).defaultLocale);
  return { productId: values.productId, searchChanged };
};

/** Flex switched off (or on) for the tenant: its values leave (or come back to) the product rows. Gives the products changed. */
export const applyFlexSwitch = async (tx: SqlRunner, enabled: boolean): Promise<CustomChange[]> =>
  changesOf(await hideCustom(tx, !enabled, (await tenantLocales(tx)).defaultLocale));

/** flex.schema.updated of a product schema: its stored fieldsets take its localized and searchable keys now. */
export const applySchemaChange = async (tx: SqlRunner, event: EventEnvelope): Promise<CustomChange[]> => {
  const p = event.payload;
  if (!isRecord(p) || p.target !== 'product' || typeof p.slug !== 'string' || !SLUG.test(p.slug)) return [];
  return changesOf(await rekeyCustom(tx, p.slug, await fieldKeys(tx, p.slug), (await tenantLocales(tx)).defaultLocale));
};
