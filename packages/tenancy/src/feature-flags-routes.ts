/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { type FeatureFlag, featureFlagOn, featureFlagsOf, type TenantRef } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import {
  FeatureFlagEntrySchema,
  type FeatureFlagInput,
  FeatureFlagKeyParams,
  FeatureFlagSchema,
  StoreFeatureFlagsSchema,
} from './feature-flags.js';
import { servicesOf, tenantIdOf } from './locales-routes.js';
import { deleteFeatureFlag, setFeatureFlag } from './set-feature-flag.js';

const problem = { $ref: 'Problem#' };
const access = { access: { permission: 'tenancy.settings.manage' } };

/** The tenant's flags as a list, by key. */
export const flagList = (tenant: TenantRef | undefined): (FeatureFlag & { key: string })[] => {
  tenantIdOf(tenant);
  const flags = featureFlagsOf(tenant as TenantRef);
  return Object.keys(flags)
    .sort()
    .map((key) => ({ key, ...(flags[key] as FeatureFlag) }));
};

/** The tenant's public flags, each on or off for `subject`. */
export const storeFlags = (tenant: TenantRef | undefined, subject: string | undefined) => {
  tenantIdOf(tenant);
  const flags = Object.entries(featureFlagsOf(tenant as TenantRef)).filter(([, flag]) => flag.public === true);
  return { flags: Object.fromEntries(flags.map(([key, flag]) => [key, featureFlagOn(flag, key, subject)])) };
};

/**
 * The tenant's feature flags: listed, set and removed by its staff (`/settings/feature-flags`), and
 * the public ones evaluated for a subject for storefronts (`/store/feature-flags?subject=`).
 */
export const featureFlagRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['settings'];
  app.get(
    '/settings/feature-flags',
    {
      config: access,
      schema: {
        tags,
        summary: "The tenant's feature flags",
        response: { 200: Type.Object({ items: Type.Array(FeatureFlagEntrySchema) }) },
      },
    },
    async (request) => ({ items: flagList(request.tenant) }),
  );
  app.put<{ Params: { key: string }; Body: FeatureFlagInput }>(
    '/settings/feature-flags/:key',
    {
      config: access,
      schema: {
        tags,
        summary: 'Create or replace a feature flag: every process reads it within seconds',
        params: FeatureFlagKeyParams,
        body: FeatureFlagSchema,
        response: { 200: FeatureFlagSchema, 422: problem },
      },
    },
    async (request) => setFeatureFlag(servicesOf(app), tenantIdOf(request.tenant), request.params.key, request.body),
  );
  app.delete<{ Params: { key: string } }>(
    '/settings/feature-flags/:key',
    {
      config: access,
      schema: {
        tags,
        summary: 'Remove a feature flag (it is off from then on)',
        params: FeatureFlagKeyParams,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await deleteFeatureFlag(servicesOf(app), tenantIdOf(request.tenant), request.params.key);
      return reply.status(204).send();
    },
  );
  app.get<{ Querystring: { subject?: string } }>(
    '/store/feature-flags',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['store'],
        summary: "The tenant's public feature flags, each on or off for a subject (a customer or session id)",
        querystring: Type.Object({ subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        response: { 200: StoreFeatureFlagsSchema },
      },
    },
    async (request) => storeFlags(request.tenant, request.query.subject),
  );
};
