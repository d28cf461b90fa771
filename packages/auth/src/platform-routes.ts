/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id, kernelErrors } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { problemRef } from './schemas.js';
import { switchTenant } from './tenant-switch.js';

const SwitchBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Why the administrator acts in the tenant (kept in the audit event)',
    }),
  },
  { additionalProperties: false },
);
const SwitchReply = Type.Object({
  accessToken: Type.String(),
  expiresIn: Type.Integer(),
  tenant: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  impersonatedBy: Type.Object({ userId: Type.String(), tenantId: Type.String(), email: Type.String() }),
  switchId: Type.String(),
});

/** The platform administrator's tenant switch (audited). */
export const platformAuthRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { id: string }; Body: Static<typeof SwitchBody> }>(
    '/platform/tenants/:id/switch',
    {
      config: { access: { permission: 'platform.tenants.manage', tenant: false } },
      schema: {
        tags: ['platform'],
        summary: 'Act in a tenant: a 15-minute access token for it with impersonatedBy (audited as auth.tenant.switched)',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Id() }),
        body: SwitchBody,
        response: { 200: SwitchReply, 403: problemRef, 404: problemRef, 422: problemRef },
      },
    },
    async (request) => {
      if (!request.principal) throw kernelErrors.AUTH_REQUIRED('This route needs a valid access token');
      return switchTenant(request.server.auth, request.principal, { tenantId: request.params.id, reason: request.body.reason });
    },
  );
};
