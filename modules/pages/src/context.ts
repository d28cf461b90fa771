import { requirePermission as requireActorPermission } from '@rustok/api';
import { actorOf, type ContentActor, type ContentContext, type ContentTx, graphqlContextOf, inContentTx } from '@rustok/content/kit';
import type {} from '@rustok/events';
import { AppError, type FieldError, type GraphQLContext } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';

/** What every pages use-case receives: content's context (db, bus, tenant, actor). */
export type PagesContext = ContentContext;

/** Content checks `content.nodes.read` to show drafts; for pages that is `pages.pages.read`. */
const asContentActor = (actor: ContentActor): ContentActor => ({
  userId: actor.userId,
  can: (permission) => (permission === 'content.nodes.read' ? actor.can('pages.pages.read') : actor.can(permission)),
});

/** The request's context with the caller's pages permissions standing in for content's read permission. */
export const contextOf = (request: FastifyRequest): PagesContext => {
  const tenant = request.tenant;
  if (!tenant) throw new AppError('TENANT_REQUIRED', 'No tenant was resolved for this request', { status: 400 });
  const actor = asContentActor(actorOf(request.principal));
  return { db: request.server.rustok.db, events: request.server.events, tenantId: tenant.id, actor };
};

/** The same for a GraphQL resolver. */
export const graphqlPagesContextOf = (ctx: GraphQLContext): PagesContext => {
  const content = graphqlContextOf(ctx);
  return { ...content, actor: asContentActor(content.actor) };
};

/** One tenant transaction shared with content's `*InTx` writes; `w.publish` goes to the outbox in it. */
export const inPagesTx = <T>(ctx: PagesContext, fn: (w: ContentTx) => Promise<T>): Promise<T> => inContentTx(ctx, fn);

export const requirePermission = (ctx: PagesContext, permission: string): void => requireActorPermission(ctx.actor, permission);

export const pageNotFound = (id: string): AppError =>
  new AppError('PAGES_PAGE_NOT_FOUND', `No page ${id}`, { status: 404, title: 'Not found' });
export const menuNotFound = (id: string): AppError =>
  new AppError('PAGES_MENU_NOT_FOUND', `No menu ${id}`, { status: 404, title: 'Not found' });
export const pageSlugNotFound = (slug: string): AppError =>
  new AppError('PAGES_PAGE_NOT_FOUND', `No page with the slug "${slug}"`, { status: 404, title: 'Not found' });
export const menuHandleNotFound = (handle: string): AppError =>
  new AppError('PAGES_MENU_NOT_FOUND', `No menu with the handle "${handle}"`, { status: 404, title: 'Not found' });

export const invalid = (errors: readonly FieldError[]): AppError =>
  new AppError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { status: 422, title: 'Validation failed', errors });
