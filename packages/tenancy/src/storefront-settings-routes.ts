/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import type { FastifyPluginAsync } from 'fastify';
import { servicesOf, tenantIdOf } from './locales-routes.js';
import { setStorefrontSettings } from './set-storefront-settings.js';
import { StorefrontSettingsSchema, storeSettingsOf } from './storefront-settings.js';

const problem = { $ref: 'Problem#' };
const access = { access: { permission: 'tenancy.settings.manage' } };

/** GET and PUT /settings/storefront: the tenant's own storefront look (name, tagline, logo, colours, currencies). */
export const storefrontSettingsRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['settings'];
  app.get(
    '/settings/storefront',
    {
      config: access,
      schema: { tags, summary: "The tenant's storefront settings", response: { 200: StorefrontSettingsSchema } },
    },
    async (request) => {
      tenantIdOf(request.tenant);
      return storeSettingsOf(request.tenant as NonNullable<typeof request.tenant>).storefront;
    },
  );
  app.put(
    '/settings/storefront',
    {
      config: access,
      schema: {
        tags,
        summary: "Replace the tenant's storefront settings: its shops show them within seconds",
        body: StorefrontSettingsSchema,
        response: { 200: StorefrontSettingsSchema, 422: problem },
      },
    },
    async (request) => setStorefrontSettings(servicesOf(app), tenantIdOf(request.tenant), request.body),
  );
};
