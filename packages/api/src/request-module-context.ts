import {
  fastifyOf,
  type GraphQLContext,
  httpRequestOf,
  kernelErrors,
  type McpCallContext,
  type Principal,
  type TenantRef,
} from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, type EventPublisher, type ModuleActor, type ModuleContext } from './module-context.js';
import { readDatabaseOf } from './read-your-writes.js';

/**
 * Permissions a module answers for another one's: `{ 'content.nodes.read': 'pages.pages.read' }`
 * lets a caller who holds `pages.pages.read` pass content's check of `content.nodes.read`. A
 * permission not in the map is checked as it is.
 */
export type Rights = Readonly<Record<string, string>>;

const withRights = (actor: ModuleActor, rights: Rights | undefined): ModuleActor =>
  rights === undefined ? actor : { userId: actor.userId, can: (permission) => actor.can(rights[permission] ?? permission) };

const eventsOf = (app: FastifyInstance): EventPublisher => {
  const events = (app as FastifyInstance & { events?: EventPublisher }).events;
  if (!events) throw new Error('The platform has no event bus (app.events)');
  return events;
};

const requireTenant = (tenant: TenantRef | undefined): TenantRef => {
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return tenant;
};

const build = (
  app: FastifyInstance,
  tenant: TenantRef | undefined,
  principal: Principal | undefined,
  request: FastifyRequest | undefined,
): ModuleContext => ({
  db: app.rustok.db,
  // Reads of an HTTP request may go to a replica (its client's read-your-writes mark decides); an MCP call's stay on the primary.
  reads: request ? readDatabaseOf(request) : app.rustok.db,
  events: eventsOf(app),
  tenantId: requireTenant(tenant).id,
  actor: actorOf(principal),
});

/** One context per request (or GraphQL operation), whichever module asks first builds it. */
const built = new WeakMap<object, ModuleContext>();

const once = (key: object, make: () => ModuleContext): ModuleContext => {
  let ctx = built.get(key);
  if (!ctx) {
    ctx = make();
    built.set(key, ctx);
  }
  return ctx;
};

/**
 * The module context of a request: the platform's database and bus, the request's tenant (400
 * TENANT_REQUIRED without one) and caller, with `rights` mapped onto the caller's permissions.
 */
export const contextOf = (request: FastifyRequest, rights?: Rights): ModuleContext => {
  const ctx = once(request, () => build(request.server, request.tenant, request.principal, request));
  return rights === undefined ? ctx : { ...ctx, actor: withRights(ctx.actor, rights) };
};

/** The same for a GraphQL resolver (Mercurius puts the app on the resolver context). */
export const graphqlContextOf = (ctx: GraphQLContext, rights?: Rights): ModuleContext => {
  const base = once(ctx, () => build(fastifyOf(ctx), ctx.tenant, ctx.principal, httpRequestOf(ctx)));
  return rights === undefined ? base : { ...base, actor: withRights(base.actor, rights) };
};

/** The same for an MCP tool's handler: the tool call's tenant and caller. */
export const mcpContextOf = (ctx: McpCallContext, rights?: Rights): ModuleContext => {
  const base = once(ctx, () => build(ctx.app, ctx.tenant, ctx.principal, undefined));
  return rights === undefined ? base : { ...base, actor: withRights(base.actor, rights) };
};
