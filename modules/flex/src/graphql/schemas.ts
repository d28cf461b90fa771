import { connectionType, type GraphQLBuilder, pageOf, withoutNulls } from '@rustok/kernel';
import { graphqlFlexContextOf as contextOf } from '../context.js';
import type { CreateSchemaInput, FlexSchema, ImportResult, SchemaExport, UpdateSchemaInput } from '../schemas.js';
import { createSchema } from '../use-cases/create-schema.js';
import { deleteSchema } from '../use-cases/delete-schema.js';
import { exportSchemas } from '../use-cases/export-schemas.js';
import { getSchema, getSchemaJsonSchema } from '../use-cases/get-schema.js';
import { importSchemas } from '../use-cases/import-schemas.js';
import { listSchemas } from '../use-cases/list-schemas.js';
import { updateSchema } from '../use-cases/update-schema.js';

const manage = { permission: 'flex.schemas.manage' };
const read = { permission: 'flex.entries.read' };

/**
 * GraphQL hands inputs over as they came (nulls for absent values, fields as JSON): the use-cases check
 * them against the same TypeBox schemas as REST (parseInput), so the cast only names what they check.
 */
const inputOf = <T>(value: unknown): T => withoutNulls(value) as T;

const addTypes = (builder: GraphQLBuilder) => {
  const Status = builder.objectRef<FlexSchema['validationStatus']>('FlexValidationStatus').implement({
    description: 'Whether the entries satisfy the current version: in_progress while they are revalidated, then valid or invalid',
    fields: (t) => ({ state: t.exposeString('state'), invalid: t.exposeInt('invalid', { description: 'Entries that fail it' }) }),
  });
  const SchemaRef = builder.objectRef<FlexSchema>('FlexSchema').implement({
    description: 'A schema a tenant defined at run time, as it is now (its newest version)',
    fields: (t) => ({
      id: t.exposeID('id'),
      slug: t.exposeString('slug'),
      name: t.exposeString('name'),
      description: t.exposeString('description', { nullable: true }),
      target: t.exposeString('target'),
      targetKind: t.exposeString('targetKind', { nullable: true }),
      version: t.exposeInt('version'),
      fields: t.field({ type: 'JSON', description: 'The field definitions, in order', resolve: (s) => s.fields }),
      validationStatus: t.field({
        type: Status,
        description: 'Its entries against the current version',
        resolve: (s) => s.validationStatus,
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    }),
  });
  const Result = builder.objectRef<ImportResult>('FlexImportResult').implement({
    description: 'The slugs an import created, updated and left as they were',
    fields: (t) => ({
      created: t.exposeStringList('created'),
      updated: t.exposeStringList('updated'),
      unchanged: t.exposeStringList('unchanged'),
    }),
  });
  const Create = builder.inputType('CreateFlexSchemaInput', {
    fields: (t) => ({
      slug: t.string({ required: true }),
      name: t.string({ required: true }),
      description: t.string(),
      target: t.string({ description: 'entry (default), product, content_node or user' }),
      targetKind: t.string(),
      fields: t.field({ type: 'JSON', required: true, description: 'The field definitions, in order' }),
    }),
  });
  const Update = builder.inputType('UpdateFlexSchemaInput', {
    fields: (t) => ({
      name: t.string(),
      description: t.string({ description: 'An empty text removes it (null leaves it as it is)' }),
      fields: t.field({ type: 'JSON', description: 'New fields: a new version' }),
      mappings: t.field({
        type: 'JSON',
        description: 'By old key, for fields the new ones remove or retype: { action: drop | rename (to) | convert }',
      }),
    }),
  });
  return { SchemaRef, Connection: connectionType(builder, 'FlexSchemaConnection', SchemaRef), Result, Create, Update };
};

const addQueries = (builder: GraphQLBuilder, { SchemaRef, Connection }: ReturnType<typeof addTypes>) => {
  builder.queryField('flexSchemas', (t) =>
    t.field({
      type: Connection,
      authScopes: read,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listSchemas(contextOf(ctx), pageOf(args)),
    }),
  );
  builder.queryField('flexSchema', (t) =>
    t.field({
      type: SchemaRef,
      authScopes: read,
      args: { slug: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => getSchema(contextOf(ctx), args.slug),
    }),
  );
  builder.queryField('flexSchemaJsonSchema', (t) =>
    t.field({
      type: 'JSON',
      description: "The JSON Schema 2020-12 of the schema's current values",
      authScopes: { public: true },
      args: { slug: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => getSchemaJsonSchema(contextOf(ctx), args.slug),
    }),
  );
};

const addExport = (builder: GraphQLBuilder) => {
  builder.queryField('flexExport', (t) =>
    t.field({
      type: 'JSON',
      description: 'Every schema of the tenant as one document (what importFlexSchemas takes)',
      authScopes: manage,
      resolve: (_root, _args, ctx) => exportSchemas(contextOf(ctx)),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, { SchemaRef, Result, Create, Update }: ReturnType<typeof addTypes>) => {
  builder.mutationField('createFlexSchema', (t) =>
    t.field({
      type: SchemaRef,
      authScopes: manage,
      args: { input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createSchema(contextOf(ctx), inputOf<CreateSchemaInput>(args.input)),
    }),
  );
  builder.mutationField('updateFlexSchema', (t) =>
    t.field({
      type: SchemaRef,
      authScopes: manage,
      args: { slug: t.arg.string({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) => updateSchema(contextOf(ctx), args.slug, inputOf<UpdateSchemaInput>(args.input)),
    }),
  );
  builder.mutationField('deleteFlexSchema', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: manage,
      args: { slug: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteSchema(contextOf(ctx), args.slug);
        return true;
      },
    }),
  );
  builder.mutationField('importFlexSchemas', (t) =>
    t.field({
      type: Result,
      authScopes: manage,
      args: { document: t.arg({ type: 'JSON', required: true, description: 'A document of flexExport (GET /flex/export)' }) },
      resolve: (_root, args, ctx) => importSchemas(contextOf(ctx), args.document as SchemaExport),
    }),
  );
};

/** Flex schemas over GraphQL: the operations of the REST routes, over the same use-cases and permissions. */
export const flexSchemasGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addExport(builder);
  addMutations(builder, types);
};
