import type { ModuleTx } from '@rustok/api';
import type { Tx } from '@rustok/db';
import { flexErrors } from '../errors.js';
import { FLEX_EVENT, type FlexValuesDeletedPayload } from '../events.js';
import { REFUSED_TARGETS } from '../schemas.js';
import { ATTACHED_TARGETS, type AttachedTarget } from '../schemas-attached.js';
import { type EntityFacts, loadEntity } from '../store/entities.js';
import { loadSchema, type SchemaRow, schemaNotFound } from '../store/schema-read.js';
import type { GoneValues } from '../store/values.js';

/** The rules every route of attached fieldsets shares: the target, the schema, the entity. */

const isAttached = (value: string): value is AttachedTarget => (ATTACHED_TARGETS as readonly string[]).includes(value);

/** The target of a path: 422 FLEX_TARGET_REFUSED for orders, payments, stock; FLEX_TARGET_UNKNOWN for anything else not attachable. */
export const attachedTargetOf = (target: string): AttachedTarget => {
  const shown = JSON.stringify(target.slice(0, 64));
  const errors = [{ path: '/target', message: `is ${shown}` }];
  if ((REFUSED_TARGETS as readonly string[]).includes(target))
    throw flexErrors.FLEX_TARGET_REFUSED(`Flex never attaches fields to ${shown}: it has its own strict tables`, { errors });
  if (!isAttached(target))
    throw flexErrors.FLEX_TARGET_UNKNOWN(`Fields attach to ${ATTACHED_TARGETS.join(', ')}, not ${shown}`, { errors });
  return target;
};

export const entityNotFound = (target: AttachedTarget, id: string) =>
  flexErrors.FLEX_ENTITY_NOT_FOUND(`No ${target.replace('_', ' ')} ${id.slice(0, 64)}`);

/** The tenant's schema with this slug, attached to this target (404 / 422 FLEX_TARGET_MISMATCH). */
export const requireAttachedSchema = async (tx: Tx, slug: string, target: AttachedTarget): Promise<SchemaRow> => {
  const schema = await loadSchema(tx, slug);
  if (!schema) throw schemaNotFound(slug);
  if (schema.target !== target)
    throw flexErrors.FLEX_TARGET_MISMATCH(
      `The schema "${slug}" describes ${schema.target === 'entry' ? 'standalone entries' : schema.target}, not ${target}`,
      {
        errors: [{ path: '/schema', message: `has the target ${schema.target}` }],
      },
    );
  return schema;
};

/** The entity of the tenant (404 FLEX_ENTITY_NOT_FOUND otherwise). */
export const requireEntity = async (tx: Tx, target: AttachedTarget, id: string): Promise<EntityFacts> => {
  const entity = await loadEntity(tx, target, id);
  if (!entity) throw entityNotFound(target, id);
  return entity;
};

/** The entity, of the schema's node kind when it names one (a node of another kind is not found for it). */
export const requireEntityOf = async (tx: Tx, schema: SchemaRow, target: AttachedTarget, id: string): Promise<EntityFacts> => {
  const entity = await requireEntity(tx, target, id);
  if (schema.target_kind !== null && entity.kind !== schema.target_kind)
    throw flexErrors.FLEX_ENTITY_NOT_FOUND(
      `No ${schema.target_kind} node ${id.slice(0, 64)} (the schema "${schema.slug}" is for ${schema.target_kind} nodes)`,
    );
  return entity;
};

/** Publishes flex.values.deleted for each fieldset gone, in one outbox write of the transaction. */
export const publishValuesDeleted = (w: Pick<ModuleTx, 'publishAll'>, gone: readonly GoneValues[]): Promise<void> =>
  w.publishAll(
    gone.map((g) => {
      const payload: FlexValuesDeletedPayload = { target: g.target, entityId: g.entityId, schemaId: g.schemaId, schema: g.schema };
      return { type: FLEX_EVENT.valuesDeleted, payload };
    }),
  );
