/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { hashPassword, insertNewUser, validateNewUser } from '@rustok/auth';
import type {} from '@rustok/events';
import { AppError, generateId, Id } from '@rustok/kernel';
import {
  assertTenantSettings,
  assertTenantSlugAllowed,
  getTenant,
  insertTenant,
  listTenants,
  parseTenantIdentifier,
  patchTenant,
} from '@rustok/tenancy';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Drops a tenant from every instance's resolution cache. */
    invalidateTenant: (tenant: { id: string; slug: string; hosts?: readonly string[] }) => Promise<void>;
  }
}

const Tenant = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  isActive: Type.Boolean(),
  settings: Type.Record(Type.String(), Type.Unknown()),
  domains: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.String({ minLength: 1, maxLength: 64 }),
    owner: Type.Object({
      email: Type.String({ maxLength: 254 }),
      password: Type.String({ maxLength: 128 }),
      name: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    isActive: Type.Optional(Type.Boolean()),
    settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    domains: Type.Optional(Type.Array(Type.String({ maxLength: 253 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
const problem = { $ref: 'Problem#' };
const tags = ['platform'];
const manage = { access: { permission: 'platform.tenants.manage', tenant: false } };

/** Platform administration of tenants (super_admin): create with an owner, list, read, change, deactivate. */
export const tenantRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof CreateBody> }>(
    '/platform/tenants',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a tenant and its owner (role admin)',
        body: CreateBody,
        response: { 201: Type.Object({ tenant: Tenant, owner: Type.Record(Type.String(), Type.Unknown()) }), 409: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const slug = request.body.slug.trim().toLowerCase();
      assertTenantSlugAllowed(slug);
      assertTenantSettings(request.body.settings);
      const owner = validateNewUser(request.body.owner);
      const passwordHash = await hashPassword(owner.password, app.rustok.config.auth);
      const id = generateId();
      const created = await app.rustok.db.transaction(
        async (tx) => {
          const tenant = await insertTenant(tx, { id, name: request.body.name, slug, settings: request.body.settings });
          await app.events.publishInTx(tx, {
            type: 'tenancy.tenant.created',
            tenantId: id,
            payload: { tenantId: id, slug, name: tenant.name },
          });
          const user = await insertNewUser({ bus: app.events, tenantId: id }, tx, {
            email: owner.email,
            passwordHash,
            name: owner.name,
            roles: ['admin'],
            verified: true,
          });
          return { tenant, owner: user };
        },
        { tenantId: id },
      );
      await app.invalidateTenant({ id, slug });
      return reply.status(201).send(created);
    },
  );
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/platform/tenants',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Every tenant',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), cursor: Type.Optional(Id()) }),
        response: { 200: Type.Object({ items: Type.Array(Tenant), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => listTenants(app.rustok.db, request.query.limit, request.query.cursor),
  );
  app.get<{ Params: { id: string } }>(
    '/platform/tenants/:id',
    { config: manage, schema: { tags, summary: 'One tenant', params: Type.Object({ id: Id() }), response: { 200: Tenant, 404: problem } } },
    async (request) => {
      const tenant = await getTenant(app.rustok.db, request.params.id);
      if (!tenant) throw new AppError('TENANT_NOT_FOUND', `No tenant ${request.params.id}`, { status: 404 });
      return tenant;
    },
  );
  app.patch<{ Params: { id: string }; Body: Static<typeof PatchBody> }>(
    '/platform/tenants/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a tenant (e.g. { isActive: false })',
        params: Type.Object({ id: Id() }),
        body: PatchBody,
        response: { 200: Tenant, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => {
      assertTenantSettings(request.body.settings);
      const domains = request.body.domains?.map((d) => {
        const parsed = parseTenantIdentifier(d, 'host');
        return parsed.kind === 'host' ? parsed.host : d;
      });
      const { before, after, changes } = await app.rustok.db.transaction(async (tx) => {
        const result = await patchTenant(tx, request.params.id, { ...request.body, domains });
        await app.events.publishInTx(tx, {
          type: 'tenancy.tenant.updated',
          tenantId: result.after.id,
          payload: { tenantId: result.after.id, slug: result.after.slug, changes: result.changes, isActive: result.after.isActive },
        });
        return result;
      });
      await app.invalidateTenant({ id: after.id, slug: after.slug, hosts: [...before.domains, ...after.domains] });
      void changes;
      return after;
    },
  );
};
