import { graphqlContextOf } from '@rustok/api';
import type { GraphQLBuilder } from '@rustok/kernel';

import { contentNodeRefs, defined, idArg } from './graphql-kit.js';
import type { TransitionInput, TranslationInput } from './schemas.js';

import { putTranslation } from './use-cases/put-translation.js';

import { transitionNode } from './use-cases/transition-node.js';

/** Status transitions (incl. scheduling) and per-locale translations, as `POST …/transitions` and `PUT …/translations/{locale}`. */
export const addStatusFields = (builder: GraphQLBuilder): void => {
  const { Node } = contentNodeRefs(builder);
  const Translation = builder.inputType('ContentTranslationInput', {
    fields: (t) => ({
      title: t.string({ required: true }),
      slug: t.string(),
      excerpt: t.string(),
      body: t.string(),
      bodyFormat: t.string({ description: 'markdown (default) or html' }),
    }),
  });
  builder.mutationField('transitionContentNode', (t) =>
    t.field({
      type: Node,
      description: 'Move a node along draft → (scheduled →) published → archived → draft; 409 names the allowed moves',
      authScopes: { permission: 'content.nodes.publish' },
      args: { id: t.arg.id({ required: true }), to: t.arg.string({ required: true }), publishAt: t.arg.string() },
      resolve: (_root, args, ctx) =>
        transitionNode(graphqlContextOf(ctx), idArg(args.id), defined({ to: args.to, publishAt: args.publishAt }) as TransitionInput),
    }),
  );
  builder.mutationField('putContentTranslation', (t) =>
    t.field({
      type: Node,
      description: "Create or replace a node's translation (update, or update_own for the author)",
      authScopes: { authenticated: true },
      args: {
        id: t.arg.id({ required: true }),
        locale: t.arg.string({ required: true }),
        input: t.arg({ type: Translation, required: true }),
      },
      resolve: (_root, args, ctx) =>
        putTranslation(graphqlContextOf(ctx), idArg(args.id), args.locale, defined({ ...args.input }) as TranslationInput),
    }),
  );
};
