/// <reference types="@fastify/swagger" />
import { Slug } from '@rustok/content/kit';
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyPluginAsync } from 'fastify';

import { pagesContextOf as contextOf } from '../context.js';
import { CreatePageInput, ListPagesQuery, PageList, PageSchema, PutBlocksInput, UpdatePageInput } from '../schemas.js';

import { createPage } from '../use-cases/create-page.js';

import { deletePage } from '../use-cases/delete-page.js';

import { getPage } from '../use-cases/get-page.js';

import { getPageBySlug } from '../use-cases/get-page-by-slug.js';

import { listPages } from '../use-cases/list-pages.js';

import { publishPage } from '../use-cases/publish-page.js';

import { putBlocks } from '../use-cases/put-blocks.js';

import { updatePage } from '../use-cases/update-page.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const LocaleQuery = Type.Object(
  { locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })) },
  { additionalProperties: false },
);
const problem = { $ref: 'Problem#' } as const;
const tags = ['pages'];
const perm = (permission: string) => ({ access: { permission } });
const publicRead = { access: { public: true } };

/** Pages: CRUD, publish and the ordered block list. */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: ListPagesQuery }>(
    '/pages',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Pages, newest first (published only without pages.pages.read)',
        querystring: ListPagesQuery,
        response: { 200: PageList, 422: problem },
      },
    },
    async (request) => listPages(contextOf(request), request.query),
  );
  app.post<{ Body: CreatePageInput }>(
    '/pages',
    {
      config: perm('pages.pages.create'),
      schema: {
        tags,
        summary: 'Create a draft page with blocks',
        body: CreatePageInput,
        response: { 201: PageSchema, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createPage(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams; Querystring: Static<typeof LocaleQuery> }>(
    '/pages/:id',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One page with its blocks',
        params: IdParams,
        querystring: LocaleQuery,
        response: { 200: PageSchema, 404: problem },
      },
    },
    async (request) => getPage(contextOf(request), request.params.id, request.query.locale),
  );
  app.get<{ Params: { slug: string }; Querystring: Static<typeof LocaleQuery> }>(
    '/pages/by-slug/:slug',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One page by its slug in a locale (else the default locale, else any), with its blocks',
        params: Type.Object({ slug: Slug() }),
        querystring: LocaleQuery,
        response: { 200: PageSchema, 404: problem },
      },
    },
    async (request) => getPageBySlug(contextOf(request), request.params.slug, request.query.locale),
  );
  app.patch<{ Params: IdParams; Body: UpdatePageInput }>(
    '/pages/:id',
    {
      config: perm('pages.pages.update'),
      schema: {
        tags,
        summary: 'Change a page',
        params: IdParams,
        body: UpdatePageInput,
        response: { 200: PageSchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updatePage(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/pages/:id',
    {
      config: perm('pages.pages.delete'),
      schema: { tags, summary: 'Delete a page, its sub-pages and blocks', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deletePage(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post<{ Params: IdParams }>(
    '/pages/:id/publish',
    {
      config: perm('pages.pages.publish'),
      schema: { tags, summary: 'Publish a page now', params: IdParams, response: { 200: PageSchema, 404: problem, 409: problem } },
    },
    async (request) => publishPage(contextOf(request), request.params.id),
  );
  app.put<{ Params: IdParams; Body: PutBlocksInput }>(
    '/pages/:id/blocks',
    {
      config: perm('pages.pages.update'),
      schema: {
        tags,
        summary: "Replace a page's ordered blocks",
        params: IdParams,
        body: PutBlocksInput,
        response: { 200: PageSchema, 404: problem, 422: problem },
      },
    },
    async (request) => putBlocks(contextOf(request), request.params.id, request.body),
  );
};
