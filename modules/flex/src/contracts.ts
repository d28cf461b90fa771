/** `@rustok/flex/contracts`: what other modules may use: the module's event types and their payloads. */
export type {
  FlexEntryEventPayload,
  FlexSchemaEventPayload,
  FlexValuesDeletedPayload,
  FlexValuesEventPayload,
} from './events.js';
export { FLEX_EVENT } from './events.js';
export type { EntryStatus, FieldDefinition, FieldType, FlexEntry, FlexSchema, SchemaTarget } from './schemas.js';
