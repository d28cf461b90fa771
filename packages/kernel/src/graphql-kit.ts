import type { ObjectRef } from '@pothos/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TenantRef } from './access.js';
import type { GraphQLBuilder, GraphQLContext, GraphQLTypes } from './graphql-builder.js';
import { kernelErrors } from './kernel-errors.js';
import { Id } from './schema-types.js';
import { parseInput } from './validation.js';

/**
 * The building blocks of the platform's own GraphQL fields (auth, tenancy, events, platform): the Fastify app and
 * request behind a resolver, keyset pages as `first` / `after` with the REST list's limits, and the
 * `{ items, nextCursor }` connection shape every list of the schema uses.
 */

type MercuriusContext = GraphQLContext & { app?: FastifyInstance; reply?: { request: FastifyRequest } };

/** Mercurius adds the app to every resolver context: its decorations hold the process's services. */
export const fastifyOf = (ctx: GraphQLContext): FastifyInstance => {
  const app = (ctx as MercuriusContext).app;
  if (!app) throw new Error('GraphQL resolver context without the Fastify app');
  return app;
};

/** The HTTP request an operation came with (client address for login limits). */
export const httpRequestOf = (ctx: GraphQLContext): FastifyRequest | undefined => (ctx as MercuriusContext).reply?.request;

/** The operation's tenant; 400 TENANT_REQUIRED on a request that resolved none. */
export const tenantOfContext = (ctx: GraphQLContext): TenantRef => {
  if (!ctx.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return ctx.tenant;
};

/** T without the nulls of its properties, deeply: a property that may be null becomes optional instead. */
export type WithoutNulls<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? WithoutNulls<U>[]
    : T extends object
      ? { [K in keyof T as null extends T[K] ? never : K]: WithoutNulls<T[K]> } & {
          [K in keyof T as null extends T[K] ? K : never]?: WithoutNulls<Exclude<T[K], null>>;
        }
      : T;

/** An input without GraphQL's explicit nulls, deeply: null means "not given" in the platform's inputs. */
export const withoutNulls = <T>(value: T): WithoutNulls<T> => {
  if (Array.isArray(value)) return value.map(withoutNulls) as WithoutNulls<T>;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value as WithoutNulls<T>;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  ) as WithoutNulls<T>;
};

const PageArgs = Type.Object({ first: Type.Integer({ minimum: 1, maximum: 100 }), after: Type.Optional(Id()) });

/** `first` (1..100, default 20) / `after` (the previous page's `nextCursor`) as a use-case's limit and cursor; 422 otherwise. */
export const pageOf = (args: { first?: number | null; after?: string | null }): { limit: number; cursor?: string } => {
  const page = parseInput(PageArgs, { first: args.first ?? 20, ...(args.after == null ? {} : { after: args.after }) });
  return { limit: page.first, ...(page.after === undefined ? {} : { cursor: page.after }) };
};

/** One page of a keyset list. */
export interface Paged<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** `type <name> { items: [<item>!]!, nextCursor: String }`, the list shape of the schema. */
export const connectionType = <T>(
  builder: GraphQLBuilder,
  name: string,
  item: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<GraphQLTypes>, T>,
) =>
  builder.objectRef<Paged<T>>(name).implement({
    fields: (t) => ({
      items: t.field({ type: [item], resolve: (page) => [...page.items] }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
