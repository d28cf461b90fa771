import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Principal, TenantRef } from './access.js';
import { hasPermission } from './access.js';
import { kernelErrors } from './kernel-errors.js';

/** What every GraphQL resolver receives. */
export interface GraphQLContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly tenant: TenantRef | undefined;
  readonly principal: Principal | undefined;
  readonly extra: Record<string, unknown>;
}

/**
 * The scopes a field declares with `authScopes` — the same rules as REST routes: `public`, any
 * `authenticated` caller of the tenant, or a `permission`. Root fields without `authScopes` are
 * refused when the schema is built (deny by default).
 */
export interface GraphQLAuthScopes {
  public: boolean;
  authenticated: boolean;
  permission: string;
}

export interface GraphQLTypes {
  Context: GraphQLContext;
  AuthScopes: GraphQLAuthScopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export type GraphQLBuilder = InstanceType<typeof SchemaBuilder<GraphQLTypes>>;

export const createGraphQLBuilder = (): GraphQLBuilder =>
  new SchemaBuilder<GraphQLTypes>({
    plugins: [ScopeAuthPlugin],
    scopeAuth: {
      authScopes: (ctx) => ({
        public: true,
        authenticated: ctx.principal !== undefined,
        permission: (wanted: string) => hasPermission(ctx.principal, wanted),
      }),
      unauthorizedError: (_parent, ctx) =>
        ctx.principal
          ? kernelErrors.AUTH_FORBIDDEN('The caller lacks the permission this field needs')
          : kernelErrors.AUTH_REQUIRED('This field needs a valid access token'),
    },
  });
