import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyPluginAsync } from 'fastify';

import { SetInventoryInput } from '../schemas/catalog.js';

import { InventoryView } from '../schemas/catalog-views.js';

import { getInventory, setInventory } from '../use-cases/catalog/inventory.js';

import { problem, tags } from './request.js';

const Params = Type.Object({ variantId: Id() });
type Params = Static<typeof Params>;

/** Stock per variant: read it, or set the count (commerce.inventory.adjusted with the delta). */
export const inventoryRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>(
    '/commerce/inventory/:variantId',
    {
      config: { access: { permission: 'commerce.products.read' } },
      schema: { tags, summary: "A variant's stock", params: Params, response: { 200: InventoryView, 404: problem } },
    },
    async (request) => getInventory(contextOf(request), request.params.variantId),
  );
  app.put<{ Params: Params; Body: SetInventoryInput }>(
    '/commerce/inventory/:variantId',
    {
      config: { access: { permission: 'commerce.inventory.manage' } },
      schema: {
        tags,
        summary: "Set a variant's available stock",
        params: Params,
        body: SetInventoryInput,
        response: { 200: InventoryView, 404: problem, 422: problem },
      },
    },
    async (request) => setInventory(contextOf(request), request.params.variantId, request.body),
  );
};
