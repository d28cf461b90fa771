import { type GraphQLBuilder, pageOf, withoutNulls } from '@rustok/kernel';
import { graphqlFlexContextOf as contextOf } from '../context.js';
import type { FieldDefinition, SchemaMappings } from '../schemas.js';
import { previewSchema } from '../use-cases/preview-schema.js';
import { schemaValidation } from '../use-cases/revalidate-status.js';

const manage = { permission: 'flex.schemas.manage' };

/** Schema evolution over GraphQL: the preview and the revalidation status, over the REST use-cases. */
export const flexEvolutionGraphQL = (builder: GraphQLBuilder): void => {
  builder.queryField('flexSchemaPreview', (t) =>
    t.field({
      type: 'JSON',
      description: 'What new fields (and mappings) would change: { version, changes, invalid, sample }; nothing is written',
      authScopes: manage,
      args: {
        slug: t.arg.string({ required: true }),
        fields: t.arg({ type: 'JSON', required: true }),
        mappings: t.arg({ type: 'JSON', description: 'By old key: { action: drop | rename (to) | convert }' }),
      },
      resolve: (_root, args, ctx) =>
        previewSchema(contextOf(ctx), args.slug, {
          fields: args.fields as FieldDefinition[],
          ...(args.mappings == null ? {} : { mappings: withoutNulls(args.mappings) as SchemaMappings }),
        }),
    }),
  );
  builder.queryField('flexSchemaValidation', (t) =>
    t.field({
      type: 'JSON',
      description: "The entries' revalidation: { state, version, invalid, entries: [{ entryId, errors }], nextCursor }",
      authScopes: manage,
      args: { slug: t.arg.string({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => schemaValidation(contextOf(ctx), args.slug, pageOf(args)),
    }),
  );
};
