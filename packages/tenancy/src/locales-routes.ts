/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import type {} from '@rustok/events';
import { type GraphQLBuilder, type GraphQLContext, kernelErrors, TenantLocalesInput } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { getTenantLocales, setTenantLocales, type TenantLocaleServices } from './tenant-locales.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Drops a tenant from the tenant caches, decorated by the server. */
    invalidateTenant: (tenant: { id: string; slug: string; hosts?: readonly string[] }) => Promise<void>;
  }
}

const TenantLocalesView = Type.Object({
  defaultLocale: Type.String({ description: 'Locale of texts written without one, and the fallback of reads.' }),
  supportedLocales: Type.Array(Type.String(), { description: 'Locales texts may be written in (the default included).' }),
});
const problem = { $ref: 'Problem#' };

export const servicesOf = (app: FastifyInstance): TenantLocaleServices => ({
  db: app.rustok.db,
  events: app.events,
  invalidate: app.hasDecorator('invalidateTenant') ? (tenant) => app.invalidateTenant(tenant) : undefined,
});

export const tenantIdOf = (tenant: { id: string } | undefined): string => {
  if (!tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return tenant.id;
};

/** GET (public: storefronts show a language switcher) and PUT /settings/locales: the tenant's one set of locales. */
export const localeRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['settings'];
  app.get(
    '/settings/locales',
    {
      config: { access: { public: true } },
      schema: { tags, summary: "The tenant's locales (every module reads them)", response: { 200: TenantLocalesView } },
    },
    async (request) => getTenantLocales(app.rustok.db, tenantIdOf(request.tenant)),
  );
  app.put(
    '/settings/locales',
    {
      config: { access: { permission: 'tenancy.settings.manage' } },
      schema: {
        tags,
        summary: "Set the tenant's locales: content, commerce, the storefront and every other module follow",
        body: TenantLocalesInput,
        response: { 200: TenantLocalesView, 422: problem },
      },
    },
    async (request) => setTenantLocales(servicesOf(app), tenantIdOf(request.tenant), request.body),
  );
};

/** The same over GraphQL: `tenantLocales` and `setTenantLocales`. */
export const localeGraphQL = (builder: GraphQLBuilder): void => {
  const Locales = builder.objectRef<{ defaultLocale: string; supportedLocales: readonly string[] }>('TenantLocales').implement({
    description: "The tenant's one set of locales, read by every module",
    fields: (t) => ({
      defaultLocale: t.exposeString('defaultLocale'),
      supportedLocales: t.stringList({ resolve: (l) => [...l.supportedLocales] }),
    }),
  });
  const appOf = (ctx: GraphQLContext) => (ctx as GraphQLContext & { app: FastifyInstance }).app;
  builder.queryField('tenantLocales', (t) =>
    t.field({
      type: Locales,
      authScopes: { public: true },
      resolve: (_root, _args, ctx) => getTenantLocales(appOf(ctx).rustok.db, tenantIdOf(ctx.tenant)),
    }),
  );
  builder.mutationField('setTenantLocales', (t) =>
    t.field({
      type: Locales,
      authScopes: { permission: 'tenancy.settings.manage' },
      args: { defaultLocale: t.arg.string({ required: true }), supportedLocales: t.arg.stringList({ required: true }) },
      resolve: (_root, args, ctx) => setTenantLocales(servicesOf(appOf(ctx)), tenantIdOf(ctx.tenant), args),
    }),
  );
};
