/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyPluginAsync } from 'fastify';

import { pagesContextOf as contextOf } from '../context.js';
import { CreateMenuInput, Handle, MenuList, MenuSchema, UpdateMenuInput } from '../menu-schemas.js';

import { createMenu } from '../use-cases/create-menu.js';

import { deleteMenu, getMenu, getMenuByHandle, listMenus } from '../use-cases/menus.js';

import { updateMenu } from '../use-cases/update-menu.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['pages'];
const manage = { access: { permission: 'pages.menus.manage' } };
const publicRead = { access: { public: true } };

/** Menus: public reads, writes with pages.menus.manage; PATCH replaces the item tree. */
export const menuRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/menus',
    { config: publicRead, schema: { tags, summary: 'Menus of the tenant', response: { 200: MenuList } } },
    async (request) => listMenus(contextOf(request)),
  );
  app.post<{ Body: CreateMenuInput }>(
    '/menus',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a menu with nested items',
        body: CreateMenuInput,
        response: { 201: MenuSchema, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createMenu(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams }>(
    '/menus/:id',
    {
      config: publicRead,
      schema: { tags, summary: 'One menu with its item tree', params: IdParams, response: { 200: MenuSchema, 404: problem } },
    },
    async (request) => getMenu(contextOf(request), request.params.id),
  );
  app.get<{ Params: { handle: string } }>(
    '/menus/by-handle/:handle',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One menu by its handle, with its item tree',
        params: Type.Object({ handle: Handle() }),
        response: { 200: MenuSchema, 404: problem },
      },
    },
    async (request) => getMenuByHandle(contextOf(request), request.params.handle),
  );
  app.patch<{ Params: IdParams; Body: UpdateMenuInput }>(
    '/menus/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a menu (items, when given, replace the tree)',
        params: IdParams,
        body: UpdateMenuInput,
        response: { 200: MenuSchema, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateMenu(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/menus/:id',
    { config: manage, schema: { tags, summary: 'Delete a menu', params: IdParams, response: { 204: Type.Null(), 404: problem } } },
    async (request, reply) => {
      await deleteMenu(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
