/** Shapes of flex's schemas and entries as the admin edits them (the server's FieldDefinition, FlexSchema, FlexEntry). */

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

export const REFERENCE_TARGETS = ['product', 'content_node', 'flex_entry', 'user'] as const;
export type ReferenceTarget = (typeof REFERENCE_TARGETS)[number];

export const SCHEMA_TARGETS = ['entry', 'product', 'content_node', 'user'] as const;
export type SchemaTarget = (typeof SCHEMA_TARGETS)[number];

/** One field of a schema (`fields` for type object). */
export interface FieldDef {
  readonly key: string;
  readonly label?: string;
  readonly description?: string;
  readonly type: FieldType;
  readonly list?: boolean;
  readonly localized?: boolean;
  readonly required?: boolean;
  readonly unique?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly choices?: readonly string[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly to?: ReferenceTarget;
  readonly schema?: string;
  readonly access?: 'public' | 'admin';
  readonly filterable?: boolean;
  readonly sortable?: boolean;
  readonly searchable?: boolean;
  readonly fields?: readonly FieldDef[];
}

export interface FlexSchemaView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
  readonly target: string;
  /** For `content_node`: the kind of node it attaches to; null for every kind or another target. */
  readonly targetKind: string | null;
  readonly version: number;
  readonly fields: readonly FieldDef[];
  readonly updatedAt: string;
}

export type EntryStatus = 'draft' | 'published';

export interface FlexEntryView {
  readonly id: string;
  readonly schema: string;
  readonly slug: string | null;
  readonly status: EntryStatus;
  readonly values: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
}

/** What the builder sends: a new schema (slug and target only then), or changes of one. */
export interface SchemaDraft {
  readonly slug: string;
  readonly name: string;
  readonly target: SchemaTarget;
  readonly fields: readonly FieldDef[];
}
