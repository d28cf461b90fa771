import { type GraphQLBuilder, parseId } from '@rustok/kernel';
import { graphqlFlexContextOf as contextOf } from '../context.js';
import type { FlexAttachedValues, SetAttachedInput } from '../schemas-attached.js';
import { deleteAttached } from '../use-cases/delete-attached.js';
import { listAttached } from '../use-cases/list-attached.js';
import { setAttached } from '../use-cases/set-attached.js';

/** Attached fieldsets over GraphQL: the operations of the REST routes, over the same use-cases and permissions. */
export const flexAttachedGraphQL = (builder: GraphQLBuilder): void => {
  const Values = builder.objectRef<FlexAttachedValues>('FlexAttachedValues').implement({
    description: "One fieldset of an entity (a product, a content node, a user): a schema's values for it",
    fields: (t) => ({
      schema: t.exposeString('schema', { description: 'The slug of its schema' }),
      schemaVersion: t.exposeInt('schemaVersion'),
      values: t.field({
        type: 'JSON',
        description: 'Values by field key (the public fields only without flex.entries.read)',
        resolve: (v) => v.values,
      }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    }),
  });
  builder.queryField('flexAttached', (t) =>
    t.field({
      type: [Values],
      authScopes: { public: true },
      description: "An entity's fieldsets: product, content_node or user (users' need flex.entries.read)",
      args: { target: t.arg.string({ required: true }), entityId: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) =>
        (await listAttached(contextOf(ctx), { target: args.target, entityId: parseId(String(args.entityId)) })).items,
    }),
  );
  builder.mutationField('setFlexAttached', (t) =>
    t.field({
      type: Values,
      authScopes: { permission: 'flex.entries.update' },
      args: {
        target: t.arg.string({ required: true }),
        entityId: t.arg.id({ required: true }),
        schema: t.arg.string({ required: true }),
        values: t.arg({ type: 'JSON', required: true }),
      },
      resolve: (_root, args, ctx) =>
        setAttached(contextOf(ctx), { target: args.target, entityId: parseId(String(args.entityId)), schema: args.schema }, {
          values: args.values,
        } as SetAttachedInput),
    }),
  );
  builder.mutationField('deleteFlexAttached', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: { permission: 'flex.entries.delete' },
      args: {
        target: t.arg.string({ required: true }),
        entityId: t.arg.id({ required: true }),
        schema: t.arg.string({ required: true }),
      },
      resolve: async (_root, args, ctx) => {
        await deleteAttached(contextOf(ctx), { target: args.target, entityId: parseId(String(args.entityId)), schema: args.schema });
        return true;
      },
    }),
  );
};
