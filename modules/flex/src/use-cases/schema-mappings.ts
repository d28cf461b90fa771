import type { ModuleTx } from '@rustok/api';
import type { FieldError } from '@rustok/kernel';
import { publicValues } from '../compile/index.js';
import { flexErrors } from '../errors.js';
import { FLEX_EVENT, type FlexValuesEventPayload } from '../events.js';
import type { FieldChangeKind, FieldDefinition, FieldMapping, SchemaMappings, SchemaPreview } from '../schemas.js';
import type { SchemaRow } from '../store/schema-read.js';
import { applyMoves, holderOf, keysWithValues, type MovedRow, markRevalidating, type ValueMoves } from '../store/validation.js';
import { sameFields } from './schema-rules.js';

/**
 * What new fields change against the current ones, field by field (top-level keys), and the rule that a
 * destructive change (a field removed, or its type, list or localized changed, or a nested field of an
 * object removed or retyped) says what becomes of the stored values: a mapping by the old key.
 */

export type FieldChange = SchemaPreview['changes'][number];

/** The mapping of a key (own keys only: a field may be called `constructor`). */
const mappingOf = (mappings: SchemaMappings, key: string): FieldMapping | undefined =>
  Object.hasOwn(mappings, key) ? mappings[key] : undefined;

const shapeOf = (f: FieldDefinition): string =>
  `${f.list ? 'list of ' : ''}${f.localized ? 'localized ' : ''}${f.type}${f.type === 'reference' ? ` to ${f.to ?? '?'}` : ''}`;

const withoutNested = (f: FieldDefinition): FieldDefinition => {
  const { fields: _nested, ...rest } = f;
  return rest;
};

/** How one field changes between two versions (undefined: not at all); destructive when stored values may be lost. */
const changeOf = (before: FieldDefinition, after: FieldDefinition): { change: FieldChangeKind; destructive: boolean } | undefined => {
  if (shapeOf(before) !== shapeOf(after)) return { change: 'type_changed', destructive: true };
  if (before.type === 'object' && !sameFields(before.fields ?? [], after.fields ?? [])) {
    const nested = changesOf(before.fields ?? [], after.fields ?? [], {});
    return { change: 'fields_changed', destructive: nested.some((c) => c.destructive) };
  }
  return sameFields([withoutNested(before)], [withoutNested(after)]) ? undefined : { change: 'constraints_changed', destructive: false };
};

/** Every change from `before` to `after`: removed (or renamed by a mapping) and changed fields in the old order, then added ones. */
export const changesOf = (
  before: readonly FieldDefinition[],
  after: readonly FieldDefinition[],
  mappings: SchemaMappings,
): FieldChange[] => {
  const next = new Map(after.map((f) => [f.key, f]));
  const old = new Set(before.map((f) => f.key));
  const changes: FieldChange[] = [];
  for (const field of before) {
    const mapping = mappingOf(mappings, field.key);
    const now = next.get(field.key);
    if (!now) {
      changes.push(
        mapping?.action === 'rename'
          ? { key: field.key, change: 'renamed', to: mapping.to, destructive: true }
          : { key: field.key, change: 'removed', destructive: true },
      );
      continue;
    }
    const change = changeOf(field, now);
    if (change) changes.push({ key: field.key, ...change });
  }
  for (const field of after) if (!old.has(field.key)) changes.push({ key: field.key, change: 'added', destructive: false });
  return changes;
};

const invalid = (path: string, message: string) =>
  flexErrors.FLEX_SCHEMA_INVALID(`The mappings are invalid at ${path}: ${message}`, { errors: [{ path, message }] });

/** Each mapping names a current field; a rename goes to a new field nothing else fills; convert keeps a field that stays. */
export const assertMappingsFit = (
  before: readonly FieldDefinition[],
  after: readonly FieldDefinition[],
  mappings: SchemaMappings,
  at: string,
) => {
  const old = new Set(before.map((f) => f.key));
  const next = new Set(after.map((f) => f.key));
  const targets = new Set<string>();
  for (const [key, mapping] of Object.entries(mappings)) {
    const path = `${at}/mappings/${key}`;
    if (!old.has(key)) throw invalid(path, `"${key}" is not a field of the current version`);
    if (mapping.action === 'convert' && !next.has(key))
      throw invalid(`${path}/action`, `convert keeps the values under "${key}", which the new fields do not have: drop or rename`);
    if (mapping.action !== 'rename') continue;
    const to = mapping.to;
    const kept = old.has(to) && mappingOf(mappings, to)?.action !== 'drop' && mappingOf(mappings, to)?.action !== 'rename';
    if (to === key || !next.has(to) || kept || targets.has(to))
      throw invalid(`${path}/to`, `"${to}" must be a new field that no other value fills`);
    targets.add(to);
  }
};

/** The destructive changes that no mapping covers, each named (the removed field's mapping, or the changed field). */
const unmapped = (
  changes: readonly FieldChange[],
  after: readonly FieldDefinition[],
  mappings: SchemaMappings,
  at: string,
): FieldError[] => {
  const index = new Map(after.map((f, i) => [f.key, i]));
  return changes
    .filter((c) => c.destructive && mappingOf(mappings, c.key) === undefined)
    .map((c) =>
      c.change === 'removed'
        ? { path: `${at}/mappings/${c.key}`, message: `the new fields remove "${c.key}": map its values with drop or rename` }
        : {
            path: `${at}/fields/${index.get(c.key) ?? 0}`,
            message: `"${c.key}" changes (${c.change}): map its values with convert, drop or rename`,
          },
    );
};

/**
 * The changes new fields make, after checking the mappings: 422 FLEX_SCHEMA_INVALID for a mapping that does not
 * fit, 422 FLEX_SCHEMA_CHANGE_NEEDS_MAPPING naming every destructive change without one to a field that holds
 * stored values (`held`: the keys some entry has a value for; paths under `at`).
 */
export const checkedChanges = (
  before: readonly FieldDefinition[],
  after: readonly FieldDefinition[],
  mappings: SchemaMappings,
  held: (key: string) => boolean,
  at = '',
): FieldChange[] => {
  assertMappingsFit(before, after, mappings, at);
  const changes = changesOf(before, after, mappings);
  const errors = unmapped(
    changes.filter((c) => held(c.key)),
    after,
    mappings,
    at,
  );
  if (errors.length > 0)
    throw flexErrors.FLEX_SCHEMA_CHANGE_NEEDS_MAPPING(
      `Say what becomes of the stored values of ${errors.length === 1 ? 'a field' : `${errors.length} fields`} the change removes or retypes`,
      { errors },
    );
  return changes;
};

/** The keys of destructive changes that no mapping covers (those whose stored values must be looked for). */
const uncovered = (before: readonly FieldDefinition[], after: readonly FieldDefinition[], mappings: SchemaMappings): string[] =>
  changesOf(before, after, mappings)
    .filter((c) => c.destructive && mappingOf(mappings, c.key) === undefined)
    .map((c) => c.key);

/** The moves the mappings make of stored values (drop and rename both take the old key away). */
export const movesOf = (mappings: SchemaMappings): ValueMoves => {
  const drop: string[] = [];
  const renames: { from: string; to: string }[] = [];
  for (const [key, mapping] of Object.entries(mappings)) {
    if (mapping.action === 'convert') continue;
    drop.push(key);
    if (mapping.action === 'rename') renames.push({ from: key, to: mapping.to });
  }
  return { drop, renames };
};

/** The values as the moves leave them (what store/validation.ts applyMoves does in SQL, for a preview). */
export const movedValues = (values: Record<string, unknown>, moves: ValueMoves): Record<string, unknown> => {
  if (moves.drop.length === 0) return values;
  const out: Record<string, unknown> = { ...values };
  for (const key of moves.drop) delete out[key];
  for (const { from, to } of moves.renames) if (Object.hasOwn(values, from)) out[to] = values[from];
  return out;
};

/** What a new version of a schema brings along: its mappings, and where they sit in the input (`/schemas/3` in an import). */
export interface NewVersionInput {
  readonly fields: readonly FieldDefinition[];
  readonly mappings?: SchemaMappings | undefined;
  readonly at?: string | undefined;
}

/** True when the moves take away a public value or put one under a public field (read models must hear of it). */
const movesPublic = (before: readonly FieldDefinition[], after: readonly FieldDefinition[], moves: ValueMoves): boolean => {
  const wasPublic = new Set(before.filter((f) => f.access === 'public').map((f) => f.key));
  const isPublic = new Set(after.filter((f) => f.access === 'public').map((f) => f.key));
  return moves.drop.some((key) => wasPublic.has(key)) || moves.renames.some((r) => isPublic.has(r.to));
};

/** flex.values.updated for each fieldset whose public values the moves changed (with the new version's public values). */
const publishMovedValues = (w: ModuleTx, row: SchemaRow, fields: readonly FieldDefinition[], moved: readonly MovedRow[]) =>
  w.publishAll(
    moved.map((m) => {
      const payload: FlexValuesEventPayload = {
        target: row.target,
        entityId: m.id,
        schemaId: row.id,
        schema: row.slug,
        schemaVersion: row.version + 1,
        publicValues: publicValues([...fields], m.values),
      };
      return { type: FLEX_EVENT.valuesUpdated, payload };
    }),
  );

/**
 * Before a new version is written (same transaction): the mappings are checked against the change (a field no
 * entry has a value for needs none), the stored values of the schema's entries (or fieldsets) are moved in one
 * statement, read models hear of fieldsets whose public values moved, and the schema is marked for revalidation
 * (the `flex.schema.updated` handler checks every entry against the new version).
 */
export const evolveStoredValues = async (w: ModuleTx, row: SchemaRow, next: NewVersionInput): Promise<void> => {
  const mappings = next.mappings ?? {};
  assertMappingsFit(row.fields, next.fields, mappings, next.at ?? '');
  const holder = holderOf(row.target);
  const held = await keysWithValues(w.tx, holder, row.id, uncovered(row.fields, next.fields, mappings));
  checkedChanges(row.fields, next.fields, mappings, (key) => held.has(key), next.at ?? '');
  const moves = movesOf(mappings);
  const tell = holder.table === 'flex_values' && movesPublic(row.fields, next.fields, moves);
  const moved = await applyMoves(w.tx, holder, row.id, moves, tell);
  if (moved.length > 0) await publishMovedValues(w, row, next.fields, moved);
  await markRevalidating(w.tx, row.id);
};
