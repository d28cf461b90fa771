import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyPluginAsync } from 'fastify';

import { CategoryInput, CategoryPatch, CategorySchema, TagInput, TagSchema } from '../schemas.js';

import { createCategory } from '../use-cases/create-category.js';

import { deleteCategory } from '../use-cases/delete-category.js';

import { listCategories } from '../use-cases/list-categories.js';

import { createTag, listTags } from '../use-cases/tags.js';

import { updateCategory } from '../use-cases/update-category.js';

import { problem, tags } from './request.js';

const IdParams = Type.Object({ id: Id() });
const categories = { access: { permission: 'content.categories.manage' } };
const list = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Type.Null() });

/** Categories (a tree) and tags. Reading them is public: storefronts build navigation from them. */
export const taxonomyRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/content/categories',
    { config: { access: { public: true } }, schema: { tags, summary: 'The category tree, flat', response: { 200: list(CategorySchema) } } },
    async (request) => ({ items: await listCategories(contextOf(request)), nextCursor: null }),
  );
  app.post<{ Body: CategoryInput }>(
    '/content/categories',
    {
      config: categories,
      schema: { tags, summary: 'Create a category', body: CategoryInput, response: { 201: CategorySchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createCategory(contextOf(request), request.body)),
  );
  app.patch<{ Params: Static<typeof IdParams>; Body: CategoryPatch }>(
    '/content/categories/:id',
    {
      config: categories,
      schema: {
        tags,
        summary: 'Rename, move or reorder a category',
        params: IdParams,
        body: CategoryPatch,
        response: { 200: CategorySchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateCategory(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: Static<typeof IdParams> }>(
    '/content/categories/:id',
    {
      config: categories,
      schema: { tags, summary: 'Delete a category (children move up)', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteCategory(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/content/tags',
    { config: { access: { public: true } }, schema: { tags, summary: 'Every tag', response: { 200: list(TagSchema) } } },
    async (request) => ({ items: await listTags(contextOf(request)), nextCursor: null }),
  );
  app.post<{ Body: TagInput }>(
    '/content/tags',
    {
      config: { access: { permission: 'content.tags.manage' } },
      schema: { tags, summary: 'Create a tag', body: TagInput, response: { 201: TagSchema, 409: problem, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createTag(contextOf(request), request.body)),
  );
};
