import { addDeleteMutation } from '@rustok/api';
import { connectionType, type GraphQLBuilder, parseId } from '@rustok/kernel';
import { graphqlFlexContextOf as contextOf } from '../context.js';
import type { CreateEntryInput, FlexEntry, ListEntriesQuery, UpdateEntryInput } from '../schemas.js';
import { createEntry } from '../use-cases/create-entry.js';
import { deleteEntry } from '../use-cases/delete-entry.js';
import { getEntry } from '../use-cases/get-entry.js';
import { listEntries } from '../use-cases/list-entries.js';
import { publishEntry, unpublishEntry } from '../use-cases/publish-entry.js';
import { updateEntry } from '../use-cases/update-entry.js';

type Given<T> = T | null | undefined;

/** Only the arguments given: GraphQL's null means "not given" here (the use-cases check the rest with the REST schemas). */
const given = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));

const addTypes = (builder: GraphQLBuilder) => {
  const EntryRef = builder.objectRef<FlexEntry>('FlexEntry').implement({
    description: 'An entry of a flex schema: its values are checked against the schema when written',
    fields: (t) => ({
      id: t.exposeID('id'),
      schema: t.exposeString('schema', { description: 'The slug of its schema' }),
      schemaVersion: t.exposeInt('schemaVersion'),
      slug: t.exposeString('slug', { nullable: true }),
      status: t.exposeString('status', { description: 'draft or published' }),
      values: t.field({
        type: 'JSON',
        description: 'Values by field key (the public fields only without flex.entries.read)',
        resolve: (e) => e.values,
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    }),
  });
  const Create = builder.inputType('CreateFlexEntryInput', {
    fields: (t) => ({
      slug: t.string(),
      values: t.field({ type: 'JSON', required: true, description: 'Values by field key' }),
      status: t.string({ description: 'draft (default) or published (needs flex.entries.publish)' }),
    }),
  });
  const Update = builder.inputType('UpdateFlexEntryInput', {
    fields: (t) => ({
      slug: t.string({ description: 'A new slug; null clears it' }),
      values: t.field({ type: 'JSON', description: "When given, they replace the entry's values" }),
    }),
  });
  return { EntryRef, Connection: connectionType(builder, 'FlexEntryConnection', EntryRef), Create, Update };
};

/** The update's fields: a slug given as null clears it, a field left out stays. */
const updateOf = (input: { slug?: Given<string>; values?: unknown }): UpdateEntryInput =>
  ({
    ...(input.slug === undefined ? {} : { slug: input.slug }),
    ...(input.values === undefined || input.values === null ? {} : { values: input.values }),
  }) as UpdateEntryInput;

type Types = ReturnType<typeof addTypes>;

/** `where: { key: value }` as the REST list's `where.<key>` parameters (values as text, as in a query string). */
const whereOf = (where: unknown): Record<string, string> =>
  where !== null && typeof where === 'object' && !Array.isArray(where)
    ? Object.fromEntries(
        Object.entries(where).map(([key, value]) => [`where.${key}`, typeof value === 'string' ? value : JSON.stringify(value)]),
      )
    : {};

/** flexEntries and flexEntry: public, with the visibility of the REST reads. */
const addQueries = (builder: GraphQLBuilder, { EntryRef, Connection }: Types): void => {
  builder.queryField('flexEntries', (t) =>
    t.field({
      type: Connection,
      authScopes: { public: true },
      args: {
        schema: t.arg.string({ required: true }),
        first: t.arg.int(),
        after: t.arg.string(),
        status: t.arg.string(),
        where: t.arg({ type: 'JSON', description: 'Filterable fields and the value each must have: { "color": "red" }' }),
      },
      resolve: (_root, args, ctx) =>
        listEntries(contextOf(ctx), args.schema, {
          ...given({ limit: args.first, cursor: args.after, status: args.status }),
          ...whereOf(args.where),
        } as ListEntriesQuery),
    }),
  );
  builder.queryField('flexEntry', (t) =>
    t.field({
      type: EntryRef,
      authScopes: { public: true },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getEntry(contextOf(ctx), parseId(String(args.id))),
    }),
  );
};

/** The writes, with the permissions of the REST routes. */
const addMutations = (builder: GraphQLBuilder, { EntryRef, Create, Update }: Types): void => {
  builder.mutationField('createFlexEntry', (t) =>
    t.field({
      type: EntryRef,
      authScopes: { permission: 'flex.entries.create' },
      args: { schema: t.arg.string({ required: true }), input: t.arg({ type: Create, required: true }) },
      resolve: (_root, args, ctx) => createEntry(contextOf(ctx), args.schema, given(args.input) as CreateEntryInput),
    }),
  );
  builder.mutationField('updateFlexEntry', (t) =>
    t.field({
      type: EntryRef,
      authScopes: { permission: 'flex.entries.update' },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: Update, required: true }) },
      resolve: (_root, args, ctx) => updateEntry(contextOf(ctx), parseId(String(args.id)), updateOf(args.input)),
    }),
  );
  const statusMutation = (name: string, run: typeof publishEntry) =>
    builder.mutationField(name, (t) =>
      t.field({
        type: EntryRef,
        authScopes: { permission: 'flex.entries.publish' },
        args: { id: t.arg.id({ required: true }) },
        resolve: (_root, args, ctx) => run(contextOf(ctx), parseId(String(args.id))),
      }),
    );
  statusMutation('publishFlexEntry', publishEntry);
  statusMutation('unpublishFlexEntry', unpublishEntry);
  addDeleteMutation(builder, 'deleteFlexEntry', { authScopes: { permission: 'flex.entries.delete' }, contextOf, remove: deleteEntry });
};

/** Entries over GraphQL: the operations of the REST routes, over the same use-cases and permissions. */
export const flexEntriesGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
};
