import { contextOf, graphqlContextOf, type Rights, requirePermission as requireActorPermission } from '@rustok/api';
import type { ContentContext } from '@rustok/content/kit';
import { type AppError, type FieldError, type GraphQLContext, kernelErrors } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';
import { pagesErrors } from './errors.js';

/** What every pages use-case receives: content's context (db, bus, tenant, actor). */
export type PagesContext = ContentContext;

/** Content checks `content.nodes.read` to show drafts; for pages that is `pages.pages.read`. */
const PAGES_RIGHTS: Rights = { 'content.nodes.read': 'pages.pages.read' };

/** The request's module context with the caller's pages permissions standing in for content's read permission. */
export const pagesContextOf = (request: FastifyRequest): PagesContext => contextOf(request, PAGES_RIGHTS);

/** The same for a GraphQL resolver. */
export const graphqlPagesContextOf = (ctx: GraphQLContext): PagesContext => graphqlContextOf(ctx, PAGES_RIGHTS);

export const requirePermission = (ctx: PagesContext, permission: string): void => requireActorPermission(ctx.actor, permission);

export const pageNotFound = (id: string): AppError => pagesErrors.PAGES_PAGE_NOT_FOUND(`No page ${id}`);
export const menuNotFound = (id: string): AppError => pagesErrors.PAGES_MENU_NOT_FOUND(`No menu ${id}`);
export const pageSlugNotFound = (slug: string): AppError => pagesErrors.PAGES_PAGE_NOT_FOUND(`No page with the slug "${slug}"`);
export const menuHandleNotFound = (handle: string): AppError => pagesErrors.PAGES_MENU_NOT_FOUND(`No menu with the handle "${handle}"`);

export const invalid = (errors: readonly FieldError[]): AppError =>
  kernelErrors.VALIDATION_FAILED(`${errors.length} field(s) failed validation`, { errors });
