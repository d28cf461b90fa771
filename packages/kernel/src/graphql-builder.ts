import SchemaBuilder from '@pothos/core';

/** What every GraphQL resolver receives. Later layers (tenancy, auth) add to it through `extra`. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly extra: Record<string, unknown>;
}

export interface GraphQLTypes {
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export type GraphQLBuilder = InstanceType<typeof SchemaBuilder<GraphQLTypes>>;

export const createGraphQLBuilder = (): GraphQLBuilder => new SchemaBuilder<GraphQLTypes>({});
