/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id, kernelErrors } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { adminResetPassword } from './admin-accounts.js';
import { changePassword } from './password-change.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import { contextOf } from './request-context.js';
import { problemRef, UserSchema } from './schemas.js';
import { resendEmailVerification } from './verify-email.js';

const Password = Type.String({ minLength: 1, maxLength: 128 });
const EmailBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }, { additionalProperties: false });
const ChangeBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
const ConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512 }), newPassword: Password },
  { additionalProperties: false },
);
const AdminResetBody = Type.Object({ newPassword: Type.Optional(Password) }, { additionalProperties: false });
const Changed = Type.Object({ user: UserSchema, accessToken: Type.String(), expiresIn: Type.Integer() });
const AdminResetReply = Type.Object({
  user: UserSchema,
  outcome: Type.Union([Type.Literal('set'), Type.Literal('sent')], { description: 'set: replaced now; sent: a reset token was sent' }),
});
const problem = problemRef;
const tags = ['auth'];
const open = { access: { public: true } };

const principalOf = (request: FastifyRequest) => {
  if (!request.principal) throw kernelErrors.AUTH_REQUIRED('This route needs a valid access token');
  return request.principal;
};

/** Password change and reset, and re-sending the verification message. */
export const accountRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof ChangeBody> }>(
    '/auth/password',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Change the password (ends every other session; answers a new access token for this one)',
        security: [{ bearer: [] }],
        body: ChangeBody,
        response: { 200: Changed, 401: problem, 403: problem, 422: problem, 429: problem },
      },
    },
    async (request) => changePassword(contextOf(request), principalOf(request), request.body),
  );
  app.post<{ Body: Static<typeof EmailBody> }>(
    '/auth/password-reset',
    {
      config: open,
      schema: {
        tags,
        summary: 'Send a password-reset token to the address (202 whether or not it has an account)',
        body: EmailBody,
        response: { 202: Type.Null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(contextOf(request), request.body.email);
      return reply.status(202).send();
    },
  );
  app.post<{ Body: Static<typeof ConfirmBody> }>(
    '/auth/password-reset/confirm',
    {
      config: open,
      schema: {
        tags,
        summary: 'Set a new password with a reset token (single use; ends every session)',
        body: ConfirmBody,
        response: { 204: Type.Null(), 400: problem, 422: problem },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(contextOf(request), request.body);
      return reply.status(204).send();
    },
  );
  app.post<{ Body: Static<typeof EmailBody> }>(
    '/auth/verify-email/resend',
    {
      config: open,
      schema: {
        tags,
        summary: 'Send a new verification token to an unverified address (202 whatever the address)',
        body: EmailBody,
        response: { 202: Type.Null() },
      },
    },
    async (request, reply) => {
      await resendEmailVerification(contextOf(request), request.body.email);
      return reply.status(202).send();
    },
  );
  app.post<{ Params: { id: string }; Body: Static<typeof AdminResetBody> }>(
    '/auth/users/:id/password-reset',
    {
      config: { access: { permission: 'auth.users.manage' } },
      schema: {
        tags: ['users and roles'],
        summary: "Reset a user's password: set a new one, or (without newPassword) send the user a reset token",
        params: Type.Object({ id: Id() }),
        body: AdminResetBody,
        response: { 200: AdminResetReply, 403: problem, 404: problem, 422: problem },
      },
    },
    async (request) => adminResetPassword(contextOf(request), request.principal, request.params.id, request.body),
  );
};
