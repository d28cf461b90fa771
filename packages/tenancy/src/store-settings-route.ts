/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { kernelErrors } from '@rustok/kernel';
import type { FastifyPluginAsync } from 'fastify';
import { StoreSettingsView, storeSettingsOf } from './storefront-settings.js';

/** GET /store/settings (public): the tenant's name, locales and storefront settings, for storefronts. */
export const storeSettingsRoute: FastifyPluginAsync = async (app) => {
  app.get(
    '/store/settings',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['store'],
        summary: "The tenant's public storefront settings: name, locales, theme, currencies",
        response: { 200: StoreSettingsView },
      },
    },
    async (request) => {
      if (!request.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
      return storeSettingsOf(request.tenant);
    },
  );
};
