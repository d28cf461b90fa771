/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleToggles } from './tenant-modules.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-tenant module switches, decorated by the server. */
    moduleToggles: ModuleToggles;
  }
}

const ModuleState = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  version: Type.String(),
  kind: Type.Union([Type.Literal('core'), Type.Literal('optional')]),
  dependencies: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  settings: Type.Record(Type.String(), Type.Unknown()),
  settingsSchema: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: "The JSON Schema the module's settings must satisfy (null: the module has no settings)",
  }),
});
export const ModuleSlug = Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' });
export const ToggleBody = Type.Object(
  { enabled: Type.Boolean(), settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
  { additionalProperties: false },
);
const problem = { $ref: 'Problem#' };

/** GET /modules and PUT /modules/{slug}: which modules the current tenant has. */
export const moduleRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['modules'];
  app.get(
    '/modules',
    {
      config: { access: { permission: 'tenancy.modules.read' } },
      schema: {
        tags,
        summary: 'Every module of the deployment, enabled or not for this tenant',
        response: { 200: Type.Array(ModuleState) },
      },
    },
    async (request) => app.moduleToggles.list(request.tenant?.id ?? ''),
  );
  app.put<{ Params: { slug: string }; Body: { enabled: boolean; settings?: Record<string, unknown> } }>(
    '/modules/:slug',
    {
      config: { access: { permission: 'tenancy.modules.manage' } },
      schema: {
        tags,
        summary: 'Enable or disable a module for this tenant, or change its settings',
        params: Type.Object({ slug: ModuleSlug }),
        body: ToggleBody,
        response: { 200: ModuleState, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => app.moduleToggles.set(request.tenant?.id ?? '', request.params.slug, request.body),
  );
};
