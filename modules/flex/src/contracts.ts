/**
 * `@rustok/flex/contracts`: what other modules may use: the module's event types and their payloads,
 * and the read port of read models (`flexFieldsOf`: the public fields attached to a target, in the
 * caller's transaction). Nothing here writes.
 */
export type {
  FlexEntryEventPayload,
  FlexSchemaEventPayload,
  FlexValuesDeletedPayload,
  FlexValuesEventPayload,
} from './events.js';
export { FLEX_EVENT } from './events.js';
export type { EntryStatus, FieldDefinition, FieldType, FlexEntry, FlexSchema, SchemaTarget } from './schemas.js';
export { type FlexFieldOf, flexFieldsOf } from './store/attached-fields.js';
