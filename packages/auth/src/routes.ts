/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { kernelErrors } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { accessTokenRoutes } from './access-token-routes.js';
import { accountRoutes } from './account-routes.js';
import { userAdminRoutes } from './admin-routes.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { meOf } from './me.js';
import { platformAuthRoutes } from './platform-routes.js';
import { refresh } from './refresh-session.js';
import { registerUser } from './register.js';
import { contextOf } from './request-context.js';
import { problemRef, UserSchema } from './schemas.js';
import { verifyEmail } from './verify-email.js';

export type { AuthServices } from './services.js';

const User = UserSchema;
const SessionReply = Type.Object({ user: User, accessToken: Type.String(), refreshToken: Type.String(), expiresIn: Type.Integer() });
/** Without a session when the e-mail address must be verified first. */
const RegisterReply = Type.Object({
  user: User,
  accessToken: Type.Optional(Type.String()),
  refreshToken: Type.Optional(Type.String()),
  expiresIn: Type.Optional(Type.Integer()),
  verificationRequired: Type.Boolean(),
});
const VerifyBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false });
export const Credentials = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
const RegisterBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const RefreshBody = Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false });
const MeReply = Type.Composite([
  User,
  Type.Object({
    permissions: Type.Array(Type.String()),
    impersonatedBy: Type.Optional(
      Type.Object(
        { userId: Type.String(), tenantId: Type.String(), email: Type.String() },
        { description: 'Set on a tenant-switch token: the platform administrator acting in this tenant' },
      ),
    ),
  }),
]);
const problem = problemRef;
const tags = ['auth'];

/** The contract's auth routes and the tenant's user and role administration, all tenant-scoped. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(userAdminRoutes);
  await app.register(accountRoutes);
  await app.register(platformAuthRoutes);
  await app.register(accessTokenRoutes);
  const open = { access: { public: true } };
  app.post<{ Body: Static<typeof RegisterBody> }>(
    '/auth/register',
    {
      config: open,
      schema: {
        tags,
        summary: 'Create an account (when registration is enabled)',
        body: RegisterBody,
        response: { 201: RegisterReply, 403: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const { user, session } = await registerUser(contextOf(request), request.body);
      // The verification token travels by e-mail (notifications), never in this answer.
      return reply.status(201).send(session ? { ...session, verificationRequired: false } : { user, verificationRequired: true });
    },
  );
  app.post<{ Body: Static<typeof VerifyBody> }>(
    '/auth/verify-email',
    {
      config: open,
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the token that was sent to it',
        body: VerifyBody,
        response: { 200: User, 401: problem },
      },
    },
    async (request) => verifyEmail(contextOf(request), request.body.token),
  );
  app.post<{ Body: Static<typeof Credentials> }>(
    '/auth/login',
    {
      config: open,
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        body: Credentials,
        response: { 200: SessionReply, 401: problem, 403: problem, 429: problem },
      },
    },
    async (request) => login(contextOf(request), { ...request.body, ip: request.ip, tenantSlug: request.tenant?.slug }),
  );
  app.post<{ Body: Static<typeof RefreshBody> }>(
    '/auth/refresh',
    {
      config: open,
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new pair (rotation)',
        body: RefreshBody,
        response: { 200: SessionReply, 401: problem },
      },
    },
    async (request) => refresh(contextOf(request), request.body),
  );
  app.post<{ Body: Static<typeof RefreshBody> }>(
    '/auth/logout',
    { config: open, schema: { tags, summary: 'Revoke a refresh token and its family', body: RefreshBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await logout(contextOf(request), request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'The calling user with roles and effective permissions',
        security: [{ bearer: [] }],
        response: { 200: MeReply, 401: problem },
      },
    },
    async (request) => {
      if (!request.principal) throw kernelErrors.AUTH_REQUIRED('This route needs a valid access token');
      return meOf(contextOf(request), request.principal);
    },
  );
};
