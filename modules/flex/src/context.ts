import { contextOf, graphqlContextOf, type ModuleContext, requirePermission as requireActorPermission } from '@rustok/api';
import { fastifyOf, type GraphQLContext } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import { type FlexOptions, flexOptions } from './options.js';

/** What every flex use-case receives: the platform's module context (db, bus, tenant, actor) and flex's guardrails. */
export interface FlexContext extends ModuleContext {
  readonly options: FlexOptions;
}

export const flexContextOf = (request: FastifyRequest): FlexContext => ({
  ...contextOf(request),
  options: flexOptions(request.server.rustok.config),
});

export const graphqlFlexContextOf = (ctx: GraphQLContext): FlexContext => {
  const base = graphqlContextOf(ctx);
  return { ...base, options: flexOptions(fastifyOf(ctx).rustok.config) };
};

export const requirePermission = (ctx: FlexContext, permission: string): void => requireActorPermission(ctx.actor, permission);
