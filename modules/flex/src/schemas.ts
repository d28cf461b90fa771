import { Id, Timestamp } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * TypeBox schemas of flex's inputs and outputs. A tenant's schema is a list of field definitions;
 * each version of it compiles to one JSON Schema 2020-12 document (compile/), which validates entry
 * values and describes them to the admin, OpenAPI/GraphQL and MCP.
 */

/** The value types a field can have (a list of them: `list: true`; one value per locale: `localized: true`). */
export const FIELD_TYPES = [
  'text',
  'rich_text',
  'integer',
  'decimal',
  'money',
  'boolean',
  'date',
  'datetime',
  'enum',
  'reference',
  'file',
  'json',
  'object',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a reference field may point at (checked to exist in the same tenant when written). */
export const REFERENCE_TARGETS = ['product', 'content_node', 'flex_entry', 'user'] as const;
export type ReferenceTarget = (typeof REFERENCE_TARGETS)[number];

/** What a schema describes: standalone entries, or fields attached to another module's entity. */
export const SCHEMA_TARGETS = ['entry', 'product', 'content_node', 'user'] as const;
export type SchemaTarget = (typeof SCHEMA_TARGETS)[number];

/** Entities flex never attaches to (money and stock have their own strict tables). */
export const REFUSED_TARGETS = ['order', 'orders', 'payment', 'payments', 'inventory', 'stock', 'refund', 'refunds'] as const;

export const FieldKey = () => Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'snake_case key of the value' });
export const SchemaSlug = () => Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$', description: 'The schema’s key in URLs' });
export const EntrySlug = () => Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 });

const Label = () => Type.String({ minLength: 1, maxLength: 200 });
const Flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const Count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description }));

/**
 * One field. `fields` (type `object` only) nests: the depth is checked by the guardrails
 * (FLEX_SCHEMA_TOO_DEEP), not by this schema, so that the refusal carries its own code.
 */
export const FieldDefinition = Type.Recursive(
  (Self) =>
    Type.Object(
      {
        key: FieldKey(),
        label: Type.Optional(Label()),
        description: Type.Optional(Type.String({ maxLength: 1000 })),
        type: Type.Union(
          FIELD_TYPES.map((t) => Type.Literal(t)),
          { description: 'The value type' },
        ),
        list: Flag('A list of values of the type'),
        localized: Flag('One value per locale ({ "en": …, "ru": … })'),
        required: Flag('The value must be given'),
        unique: Flag('No two entries of the schema have the same value (text, integer, decimal, enum, date, datetime)'),
        min: Type.Optional(Type.Number({ description: 'Smallest number (integer, decimal, money amount in minor units)' })),
        max: Type.Optional(Type.Number({ description: 'Largest number (integer, decimal, money amount in minor units)' })),
        minLength: Count('Shortest text'),
        maxLength: Count('Longest text'),
        pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Regular expression a text must match' })),
        choices: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 200 })),
        minItems: Count('Fewest list items'),
        maxItems: Count('Most list items'),
        to: Type.Optional(Type.Union(REFERENCE_TARGETS.map((t) => Type.Literal(t)))),
        schema: Type.Optional(SchemaSlug()),
        access: Type.Optional(
          Type.Union([Type.Literal('public'), Type.Literal('admin')], { description: 'public: shown on the storefront' }),
        ),
        filterable: Flag('A storefront filter and facet'),
        sortable: Flag('A sort key'),
        searchable: Flag('Feeds full-text search'),
        fields: Type.Optional(Type.Array(Self, { maxItems: 200 })),
      },
      { additionalProperties: false, $id: 'FlexField' },
    ),
  { $id: 'FlexFieldDefinition' },
);
export type FieldDefinition = Static<typeof FieldDefinition>;

const Fields = () => Type.Array(FieldDefinition, { maxItems: 500, description: 'The fields, in order' });

/** Where a schema's entries stand against its current version: checked, being checked, or some fail it. */
export const VALIDATION_STATES = ['valid', 'in_progress', 'invalid'] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];

/**
 * What happens to the stored values of a field a new version removes or changes the type of (key: the old
 * field's key): drop them, move them to another key, or keep them and let revalidation tell which no longer fit.
 */
export const FieldMapping = Type.Union([
  Type.Object({ action: Type.Literal('drop') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('rename'), to: FieldKey() }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('convert') }, { additionalProperties: false }),
]);
export type FieldMapping = Static<typeof FieldMapping>;
export const SchemaMappings = () =>
  Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), FieldMapping, {
    maxProperties: 500,
    description: 'By old field key: drop, rename (to) or convert its stored values',
  });
export type SchemaMappings = Record<string, FieldMapping>;

export const FlexSchema = Type.Object(
  {
    id: Id(),
    slug: SchemaSlug(),
    name: Label(),
    description: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    target: Type.Union(SCHEMA_TARGETS.map((t) => Type.Literal(t))),
    /** For `content_node`: the node kind the fields attach to (post, page, topic…); null for every kind or another target. */
    targetKind: Type.Union([Type.String({ maxLength: 32 }), Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    fields: Fields(),
    /** Whether the schema's entries satisfy its current version (revalidated in the background after a change). */
    validationStatus: Type.Object(
      { state: Type.Union(VALIDATION_STATES.map((s) => Type.Literal(s))), invalid: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type FlexSchema = Static<typeof FlexSchema>;

export const CreateSchemaInput = Type.Object(
  {
    slug: SchemaSlug(),
    name: Label(),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    target: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'entry (default), product, content_node or user' })),
    targetKind: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
    fields: Fields(),
  },
  { additionalProperties: false },
);
export type CreateSchemaInput = Static<typeof CreateSchemaInput>;

export const UpdateSchemaInput = Type.Object(
  {
    name: Type.Optional(Label()),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    /** New fields make a new version. */
    fields: Type.Optional(Fields()),
    /** Required for each field the new fields remove or change the type of (list and localized included). */
    mappings: Type.Optional(SchemaMappings()),
  },
  { additionalProperties: false },
);
export type UpdateSchemaInput = Static<typeof UpdateSchemaInput>;

export const ENTRY_STATUSES = ['draft', 'published'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** The values of an entry: keys of its schema's fields (checked by the schema version's JSON Schema). */
export const EntryValues = () => Type.Record(Type.String(), Type.Unknown(), { description: 'Values by field key' });

export const FlexEntry = Type.Object(
  {
    id: Id(),
    schema: SchemaSlug(),
    schemaVersion: Type.Integer({ minimum: 1 }),
    slug: Type.Union([EntrySlug(), Type.Null()]),
    status: Type.Union(ENTRY_STATUSES.map((s) => Type.Literal(s))),
    values: EntryValues(),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
    publishedAt: Type.Union([Timestamp(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type FlexEntry = Static<typeof FlexEntry>;

export const CreateEntryInput = Type.Object(
  {
    slug: Type.Optional(EntrySlug()),
    values: EntryValues(),
    status: Type.Optional(Type.Union(ENTRY_STATUSES.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
export type CreateEntryInput = Static<typeof CreateEntryInput>;

export const UpdateEntryInput = Type.Object(
  {
    slug: Type.Optional(Type.Union([EntrySlug(), Type.Null()])),
    /** When given, they replace the entry's values (checked against the schema's current version). */
    values: Type.Optional(EntryValues()),
  },
  { additionalProperties: false },
);
export type UpdateEntryInput = Static<typeof UpdateEntryInput>;

/** Lists are always paged: at most 100 per page, keyset cursors. */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** `where.<key>=<value>`: entries whose filterable field `key` has that value (a list field: has it among its items). */
export const WHERE_PARAM = /^where\.([a-z][a-z0-9_]{0,63})$/;

export const ListEntriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Type.Union(ENTRY_STATUSES.map((s) => Type.Literal(s)))),
  },
  {
    additionalProperties: false,
    patternProperties: { [WHERE_PARAM.source]: Type.String({ maxLength: 500 }) },
    description: 'where.<key>=<value> filters on filterable fields (at most 5)',
  },
);
export type ListEntriesQuery = Static<typeof ListEntriesQuery>;

const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });

export const SchemaList = pageOf(FlexSchema);
export type SchemaList = Static<typeof SchemaList>;
export const EntryList = pageOf(FlexEntry);
export type EntryList = Static<typeof EntryList>;

/** Every schema of a tenant as one document, for moving them between environments (import is idempotent). */
export const SchemaExport = Type.Object(
  {
    format: Type.Literal('rustok.flex.schemas/1'),
    schemas: Type.Array(
      Type.Object(
        {
          slug: SchemaSlug(),
          name: Label(),
          description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          target: Type.String({ minLength: 1, maxLength: 64 }),
          targetKind: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), Type.Null()])),
          fields: Fields(),
          /** For an existing schema whose fields this document removes or retypes (as in PATCH). */
          mappings: Type.Optional(SchemaMappings()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type SchemaExport = Static<typeof SchemaExport>;

export const ImportResult = Type.Object(
  {
    created: Type.Array(SchemaSlug()),
    updated: Type.Array(SchemaSlug()),
    unchanged: Type.Array(SchemaSlug()),
  },
  { additionalProperties: false },
);
export type ImportResult = Static<typeof ImportResult>;

/** POST /flex/schemas/:slug/preview: what new fields (and mappings) would do, without writing anything. */
export const PreviewSchemaInput = Type.Object(
  { fields: Fields(), mappings: Type.Optional(SchemaMappings()) },
  { additionalProperties: false },
);
export type PreviewSchemaInput = Static<typeof PreviewSchemaInput>;

export const FIELD_CHANGES = ['added', 'removed', 'renamed', 'type_changed', 'fields_changed', 'constraints_changed'] as const;
export type FieldChangeKind = (typeof FIELD_CHANGES)[number];

const EntryErrors = () =>
  Type.Object(
    {
      entryId: Id(),
      errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: true })),
    },
    { additionalProperties: false },
  );

export const SchemaPreview = Type.Object(
  {
    /** The version the fields would make (the current one when they are the same). */
    version: Type.Integer({ minimum: 1 }),
    changes: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          change: Type.Union(FIELD_CHANGES.map((c) => Type.Literal(c))),
          destructive: Type.Boolean({ description: 'Stored values are lost or may no longer fit: a mapping is required' }),
          to: Type.Optional(Type.String({ description: 'renamed: the new key' })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Existing entries (and attached values) that would fail the new version after the mappings. */
    invalid: Type.Integer({ minimum: 0 }),
    /** Up to 20 of them, with what fails. */
    sample: Type.Array(EntryErrors()),
  },
  { additionalProperties: false },
);
export type SchemaPreview = Static<typeof SchemaPreview>;

/** GET /flex/schemas/:slug/validation: the revalidation's state and one page of the failing entries. */
export const SchemaValidation = Type.Object(
  {
    state: Type.Union(VALIDATION_STATES.map((s) => Type.Literal(s))),
    version: Type.Integer({ minimum: 1 }),
    invalid: Type.Integer({ minimum: 0 }),
    entries: Type.Array(EntryErrors()),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type SchemaValidation = Static<typeof SchemaValidation>;
