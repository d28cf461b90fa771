import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { api } from './client.js';
import type { EntryStatus, FieldDef, FlexEntryView, FlexSchemaView, SchemaDraft } from './flex-shapes.js';
import { gql } from './graphql.js';

export * from './flex-shapes.js';

const FlexSchemaListDocument = graphql(`
  query FlexSchemaList {
    flexSchemas(first: 100) { items { id slug name description target targetKind version fields updatedAt } }
  }
`);

const FlexSchemaDocument = graphql(`
  query FlexSchemaDetail($slug: String!) {
    flexSchema(slug: $slug) { id slug name description target targetKind version fields updatedAt }
  }
`);

const CreateFlexSchemaDocument = graphql(`
  mutation CreateFlexSchema($input: CreateFlexSchemaInput!) {
    createFlexSchema(input: $input) { id slug name description target targetKind version fields updatedAt }
  }
`);

const UpdateFlexSchemaDocument = graphql(`
  mutation UpdateFlexSchema($slug: String!, $input: UpdateFlexSchemaInput!) {
    updateFlexSchema(slug: $slug, input: $input) { id slug name description target targetKind version fields updatedAt }
  }
`);

const FlexEntryListDocument = graphql(`
  query FlexEntryList($schema: String!, $first: Int, $after: String) {
    flexEntries(schema: $schema, first: $first, after: $after) { items { id schema slug status values updatedAt publishedAt } nextCursor }
  }
`);

const FlexEntryDocument = graphql(`
  query FlexEntryDetail($id: ID!) {
    flexEntry(id: $id) { id schema slug status values updatedAt publishedAt }
  }
`);

const CreateFlexEntryDocument = graphql(`
  mutation CreateFlexEntry($schema: String!, $input: CreateFlexEntryInput!) {
    createFlexEntry(schema: $schema, input: $input) { id schema slug status values updatedAt publishedAt }
  }
`);

const UpdateFlexEntryDocument = graphql(`
  mutation UpdateFlexEntry($id: ID!, $input: UpdateFlexEntryInput!) {
    updateFlexEntry(id: $id, input: $input) { id schema slug status values updatedAt publishedAt }
  }
`);

const PublishFlexEntryDocument = graphql(`
  mutation PublishFlexEntry($id: ID!) {
    publishFlexEntry(id: $id) { id schema slug status values updatedAt publishedAt }
  }
`);

const UnpublishFlexEntryDocument = graphql(`
  mutation UnpublishFlexEntry($id: ID!) {
    unpublishFlexEntry(id: $id) { id schema slug status values updatedAt publishedAt }
  }
`);

const DeleteFlexEntryDocument = graphql(`
  mutation DeleteFlexEntry($id: ID!) {
    deleteFlexEntry(id: $id)
  }
`);

const FlexAttachedDocument = graphql(`
  query FlexAttached($target: String!, $entityId: ID!) {
    flexAttached(target: $target, entityId: $entityId) { schema values }
  }
`);

const SetFlexAttachedDocument = graphql(`
  mutation SetFlexAttached($target: String!, $entityId: ID!, $schema: String!, $values: JSON!) {
    setFlexAttached(target: $target, entityId: $entityId, schema: $schema, values: $values) { schema values }
  }
`);

type SchemaNode = NonNullable<ResultOf<typeof FlexSchemaDocument>['flexSchema']>;
type EntryNode = NonNullable<ResultOf<typeof FlexEntryDocument>['flexEntry']>;

const schemaOf = (s: SchemaNode | null | undefined): FlexSchemaView => {
  if (!s) throw new Error('no schema in the answer');
  return {
    id: s.id ?? '',
    slug: s.slug ?? '',
    name: s.name ?? '',
    description: s.description ?? null,
    target: s.target ?? 'entry',
    targetKind: s.targetKind ?? null,
    version: s.version ?? 1,
    fields: Array.isArray(s.fields) ? (s.fields as FieldDef[]) : [],
    updatedAt: s.updatedAt ?? '',
  };
};

const entryOf = (e: EntryNode | null | undefined): FlexEntryView => {
  if (!e) throw new Error('no entry in the answer');
  return {
    id: e.id ?? '',
    schema: e.schema ?? '',
    slug: e.slug ?? null,
    status: (e.status === 'published' ? 'published' : 'draft') as EntryStatus,
    values: (e.values ?? {}) as Readonly<Record<string, unknown>>,
    updatedAt: e.updatedAt ?? '',
    publishedAt: e.publishedAt ?? null,
  };
};

export const flexSchemasQuery = queryOptions({
  queryKey: ['flex', 'schemas'],
  queryFn: async (): Promise<FlexSchemaView[]> => ((await gql(FlexSchemaListDocument)).flexSchemas?.items ?? []).map(schemaOf),
});

export const flexSchemaQuery = (slug: string) =>
  queryOptions({ queryKey: ['flex', 'schema', slug], queryFn: async () => schemaOf((await gql(FlexSchemaDocument, { slug })).flexSchema) });

/** The server's JSON Schema 2020-12 of the schema's current version (what entry values are checked against). */
export const flexJsonSchemaQuery = (slug: string, version: number) =>
  queryOptions({
    queryKey: ['flex', 'json-schema', slug, version],
    queryFn: () => api<Record<string, unknown>>(`/flex/schemas/${encodeURIComponent(slug)}/json-schema`),
  });

export const createFlexSchema = async (draft: SchemaDraft): Promise<FlexSchemaView> =>
  schemaOf((await gql(CreateFlexSchemaDocument, { input: { ...draft, fields: draft.fields } })).createFlexSchema);

/** A new name and fields (new fields make a new version); the slug and target stay. */
export const updateFlexSchema = async ({ slug, name, fields }: SchemaDraft): Promise<FlexSchemaView> =>
  schemaOf((await gql(UpdateFlexSchemaDocument, { slug, input: { name, fields } })).updateFlexSchema);

/** Entries a page of the admin's list shows (the server serves at most 100). */
export const ENTRY_PAGE_SIZE = 50;

export interface FlexEntryPage {
  readonly items: readonly FlexEntryView[];
  readonly nextCursor: string | null;
}

/** A schema's entries, newest first, a page at a time (keyset cursors). */
export const flexEntriesQuery = (schema: string) =>
  infiniteQueryOptions({
    queryKey: ['flex', 'entries', schema],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }): Promise<FlexEntryPage> => {
      const list = (await gql(FlexEntryListDocument, { schema, first: ENTRY_PAGE_SIZE, after: pageParam })).flexEntries;
      return { items: (list?.items ?? []).map(entryOf), nextCursor: list?.nextCursor ?? null };
    },
    getNextPageParam: (last: FlexEntryPage) => last.nextCursor ?? undefined,
  });

export const flexEntryQuery = (id: string) =>
  queryOptions({ queryKey: ['flex', 'entry', id], queryFn: async () => entryOf((await gql(FlexEntryDocument, { id })).flexEntry) });

export interface EntryDraft {
  readonly slug: string | null;
  readonly values: Readonly<Record<string, unknown>>;
}

export const createFlexEntry = async (schema: string, { slug, values }: EntryDraft): Promise<FlexEntryView> =>
  entryOf((await gql(CreateFlexEntryDocument, { schema, input: { values, ...(slug ? { slug } : {}) } })).createFlexEntry);

/** Replaces the entry's values (checked against the schema's current version); an empty slug clears it. */
export const updateFlexEntry = async (id: string, { slug, values }: EntryDraft): Promise<FlexEntryView> =>
  entryOf((await gql(UpdateFlexEntryDocument, { id, input: { slug, values } })).updateFlexEntry);

export const publishFlexEntry = async (id: string): Promise<FlexEntryView> =>
  entryOf((await gql(PublishFlexEntryDocument, { id })).publishFlexEntry);

export const unpublishFlexEntry = async (id: string): Promise<FlexEntryView> =>
  entryOf((await gql(UnpublishFlexEntryDocument, { id })).unpublishFlexEntry);

export const deleteFlexEntry = async (id: string): Promise<void> => {
  await gql(DeleteFlexEntryDocument, { id });
};

/** An entity's attached fieldsets: each schema's values by its slug. */
export type AttachedValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export const flexAttachedQuery = (target: string, entityId: string) =>
  queryOptions({
    queryKey: ['flex', 'attached', target, entityId],
    queryFn: async (): Promise<AttachedValues> =>
      Object.fromEntries(
        ((await gql(FlexAttachedDocument, { target, entityId })).flexAttached ?? []).map((a) => [
          a.schema ?? '',
          (a.values ?? {}) as Record<string, unknown>,
        ]),
      ),
  });

export interface AttachedDraft {
  readonly target: string;
  readonly entityId: string;
  readonly schema: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export const setFlexAttached = async (draft: AttachedDraft): Promise<Readonly<Record<string, unknown>>> =>
  ((await gql(SetFlexAttachedDocument, { ...draft, values: draft.values })).setFlexAttached?.values ?? {}) as Record<string, unknown>;
