/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { createUserAs, getUser, listUsers, patchUser, setUserRoles } from './admin-users.js';
import { permissionCatalogue } from './permission-catalogue.js';
import { contextOf } from './request-context.js';
import { problemRef, UserSchema } from './schemas.js';
import { deleteRole, listRoles, putRole } from './tenant-roles.js';

const User = UserSchema;
const Role = Type.Object({
  name: Type.String(),
  builtIn: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String()),
});
export const RoleName = Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$' });
export const Roles = Type.Array(RoleName, { maxItems: 20 });
export const NewUser = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    password: Type.String({ maxLength: 128 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    roles: Roles,
  },
  { additionalProperties: false },
);
export const RoleBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 500 })),
    permissions: Type.Array(Type.String({ maxLength: 128 }), { maxItems: 200 }),
  },
  { additionalProperties: false },
);
const problem = problemRef;
const tags = ['users and roles'];
const read = { access: { permission: 'auth.users.read' } };
const manage = { access: { permission: 'auth.users.manage' } };
const manageRoles = { access: { permission: 'auth.roles.manage' } };

/** A tenant's users and roles, for its administrators. */
export const userAdminRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/auth/users',
    {
      config: read,
      schema: {
        tags,
        summary: "The tenant's users",
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), cursor: Type.Optional(Id()) }),
        response: { 200: Type.Object({ items: Type.Array(User), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => listUsers(contextOf(request), request.query.limit, request.query.cursor),
  );
  app.post<{ Body: Static<typeof NewUser> }>(
    '/auth/users',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a user with roles',
        body: NewUser,
        response: { 201: User, 403: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createUserAs(contextOf(request), request.principal, request.body)),
  );
  app.get<{ Params: { id: string } }>(
    '/auth/users/:id',
    { config: read, schema: { tags, summary: 'One user', params: Type.Object({ id: Id() }), response: { 200: User, 404: problem } } },
    async (request) => getUser(contextOf(request), request.params.id),
  );
  app.put<{ Params: { id: string }; Body: { roles: string[] } }>(
    '/auth/users/:id/roles',
    {
      config: manage,
      schema: {
        tags,
        summary: "Replace a user's roles",
        params: Type.Object({ id: Id() }),
        body: Type.Object({ roles: Roles }, { additionalProperties: false }),
        response: { 200: User, 403: problem, 404: problem, 422: problem },
      },
    },
    async (request) => setUserRoles(contextOf(request), request.principal, request.params.id, request.body.roles),
  );
  app.patch<{ Params: { id: string }; Body: { status?: 'active' | 'disabled'; emailVerified?: boolean } }>(
    '/auth/users/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Disable or re-enable a user (disabling ends every session at once); mark the user's address verified. A platform administrator's account only by a platform administrator (403 AUTH_USER_PROTECTED)",
        params: Type.Object({ id: Id() }),
        body: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
            emailVerified: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: User, 403: problem, 404: problem },
      },
    },
    async (request) => patchUser(contextOf(request), request.principal, request.params.id, request.body),
  );
  app.get(
    '/auth/roles',
    { config: read, schema: { tags, summary: 'Built-in and tenant roles with their permissions', response: { 200: Type.Array(Role) } } },
    async (request) => listRoles(contextOf(request)),
  );
  app.get(
    '/auth/permissions',
    {
      config: read,
      schema: {
        tags,
        summary: "The permissions a tenant role can grant, by module (the deployment's catalogue, the same for every tenant)",
        response: { 200: Type.Array(Type.Object({ module: Type.String(), permissions: Type.Array(Type.String()) })) },
      },
    },
    async (request) => permissionCatalogue(contextOf(request)),
  );
  app.put<{ Params: { name: string }; Body: { description?: string; permissions: string[] } }>(
    '/auth/roles/:name',
    {
      config: manageRoles,
      schema: {
        tags,
        summary: 'Create or replace a tenant role',
        params: Type.Object({ name: RoleName }),
        body: RoleBody,
        response: { 200: Role, 409: problem, 422: problem },
      },
    },
    async (request) => putRole(contextOf(request), request.params.name, request.body),
  );
  app.delete<{ Params: { name: string } }>(
    '/auth/roles/:name',
    {
      config: manageRoles,
      schema: {
        tags,
        summary: 'Delete a tenant role (and take it from its users)',
        params: Type.Object({ name: RoleName }),
        response: { 204: Type.Null(), 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await deleteRole(contextOf(request), request.params.name);
      return reply.status(204).send();
    },
  );
};
