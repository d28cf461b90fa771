import { type GraphQLAuthScopes, type GraphQLBuilder, type GraphQLContext, parseId } from '@rustok/kernel';

/** How a `name(id: ID!): Boolean` mutation deletes one object of a module. */
export interface DeleteMutationSpec<C> {
  /** Who may call it: usually `{ permission }`. */
  readonly authScopes: Partial<GraphQLAuthScopes>;
  /** The module's context of the request. */
  readonly contextOf: (ctx: GraphQLContext) => C;
  /** Deletes the object with this (validated) id; an expected failure throws a coded AppError. */
  readonly remove: (context: C, id: string) => Promise<unknown>;
}

/** Adds the mutation `name(id: ID!): Boolean`: it deletes the object and answers true. */
export const addDeleteMutation = <C>(builder: GraphQLBuilder, name: string, spec: DeleteMutationSpec<C>): void => {
  builder.mutationField(name, (t) =>
    t.field({
      type: 'Boolean',
      authScopes: spec.authScopes,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await spec.remove(spec.contextOf(ctx), parseId(String(args.id)));
        return true;
      },
    }),
  );
};
