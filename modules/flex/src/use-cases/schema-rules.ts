import type { ModuleTx } from '@rustok/api';
import { errorUnder, isAppError } from '@rustok/kernel';
import { compileSchema } from '../compile/index.js';
import { flexErrors } from '../errors.js';
import type { FlexSchemaEventPayload } from '../events.js';
import type { FlexOptions } from '../options.js';
import { type FieldDefinition, REFUSED_TARGETS, SCHEMA_TARGETS, type SchemaTarget } from '../schemas.js';
import { lockSchemaChanges, recentChanges, recordChange } from '../store/schema-changes.js';
import type { SchemaRow } from '../store/schema-read.js';
import { type CompiledFields, countSchemas } from '../store/schemas.js';

/** The rules every schema write shares: targets, compilation, the change rate and the schema count. */

/**
 * A description or kind as stored: empty is none. (The HTTP layer coerces a JSON null to "" where a
 * schema allows a string or null, so both mean "none".)
 */
export const noneIfEmpty = (value: string | null | undefined): string | null => (value === undefined || value === '' ? null : value);

const isTarget = (value: string): value is SchemaTarget => (SCHEMA_TARGETS as readonly string[]).includes(value);

/** The target (entry by default) and its kind; `at` prefixes the paths of field errors (`/schemas/3` in an import). */
export const resolveTarget = (
  target: string | undefined,
  targetKind: string | null | undefined,
  at = '',
): { target: SchemaTarget; targetKind: string | null } => {
  const chosen = target ?? 'entry';
  const path = [{ path: `${at}/target`, message: `is ${JSON.stringify(chosen.slice(0, 64))}` }];
  if ((REFUSED_TARGETS as readonly string[]).includes(chosen))
    throw flexErrors.FLEX_TARGET_REFUSED(`Flex never attaches fields to "${chosen}": it has its own strict tables`, { errors: path });
  if (!isTarget(chosen))
    throw flexErrors.FLEX_TARGET_UNKNOWN(`Unknown target "${chosen.slice(0, 64)}": one of ${SCHEMA_TARGETS.join(', ')}`, { errors: path });
  const kind = noneIfEmpty(targetKind);
  if (kind !== null && chosen !== 'content_node')
    throw flexErrors.FLEX_SCHEMA_INVALID('targetKind is only for the content_node target', {
      errors: [{ path: `${at}/targetKind`, message: 'is only allowed with the target content_node' }],
    });
  return { target: chosen, targetKind: kind };
};

/**
 * Attached fieldsets (a target other than entry) have no unique values: two products may well share
 * a value, and flex keeps no per-value lock over other modules' entities. 422 FLEX_SCHEMA_INVALID
 * naming each unique field.
 */
export const assertAttachable = (target: SchemaTarget, fields: readonly FieldDefinition[], at = ''): void => {
  if (target === 'entry') return;
  const errors = fields.flatMap((field, i) =>
    field.unique === true ? [{ path: `${at}/fields/${i}/unique`, message: `is not for fields attached to ${target}` }] : [],
  );
  if (errors.length > 0)
    throw flexErrors.FLEX_SCHEMA_INVALID(`Fields attached to ${target} cannot be unique (${errors.length} are)`, { errors });
};

/** The fields through the guardrails and compiled to JSON Schema (guardrail codes, paths under `at`). */
export const compileFields = (fields: readonly FieldDefinition[], options: FlexOptions, at = ''): CompiledFields => {
  try {
    return { fields, jsonSchema: compileSchema([...fields], options) };
  } catch (error) {
    throw isAppError(error) && at !== '' ? errorUnder(error, at) : error;
  }
};

/** A JSON value with its object keys in one order (jsonb keeps its own order of keys). */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
};

/** True when two field lists are the same (order of fields counts, order of keys does not). */
export const sameFields = (a: readonly FieldDefinition[], b: readonly FieldDefinition[]): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * One schema change of the tenant (a creation, a new version, a deletion, an import): refused with 429
 * FLEX_SCHEMA_CHANGES_TOO_FREQUENT when the last 60 seconds hold `schema_changes_per_minute` already;
 * recorded otherwise. The tenant's changes wait for each other until the transaction ends.
 */
export const takeSchemaChange = async (w: ModuleTx, options: FlexOptions): Promise<void> => {
  await lockSchemaChanges(w.tx, w.tenantId);
  const recent = await recentChanges(w.tx);
  if (recent.count >= options.schema_changes_per_minute)
    throw flexErrors.FLEX_SCHEMA_CHANGES_TOO_FREQUENT(
      `At most ${options.schema_changes_per_minute} schema changes a minute; retry in ${recent.retryAfterSeconds} s`,
      { meta: { retryAfterSeconds: recent.retryAfterSeconds } },
    );
  await recordChange(w.tx);
};

/** Refuses `adding` more schemas when the tenant would have more than `max_schemas`. */
export const assertRoomForSchemas = async (w: ModuleTx, options: FlexOptions, adding: number): Promise<void> => {
  const count = await countSchemas(w.tx);
  if (count + adding > options.max_schemas)
    throw flexErrors.FLEX_TOO_MANY_SCHEMAS(`A tenant has at most ${options.max_schemas} schemas (this one has ${count})`);
};

export const schemaEventPayload = (row: SchemaRow): FlexSchemaEventPayload => ({
  schemaId: row.id,
  slug: row.slug,
  target: row.target,
  version: row.version,
});
