import { type GraphQLBuilder, type GraphQLContext, kernelErrors, type Principal, parseId, validationError } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './context.js';
import { changePassword, type PasswordChanged } from './password-change.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import type {} from './routes.js';
import { switchTenant, type TenantSwitch } from './tenant-switch.js';
import { resendEmailVerification, verifyEmail } from './verify-email.js';

/**
 * GraphQL mutations of the account operations, the same use-cases and rules as the REST routes:
 * changePassword, requestPasswordReset, confirmPasswordReset, verifyEmail, resendEmailVerification
 * and the platform administrator's switchTenant.
 */

/** Mercurius adds the app to the resolver context; the platform's context holds tenant and caller. */
const appOf = (ctx: GraphQLContext): FastifyInstance => (ctx as GraphQLContext & { app: FastifyInstance }).app;

const authContextOf = (ctx: GraphQLContext): AuthContext => {
  if (!ctx.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
  return { ...appOf(ctx).auth, tenantId: ctx.tenant.id };
};

const principalOf = (ctx: GraphQLContext): Principal => {
  if (!ctx.principal) throw kernelErrors.AUTH_REQUIRED('This field needs a valid access token');
  return ctx.principal;
};

/** A text argument within its length and without NUL characters (422 VALIDATION_FAILED otherwise). */
const text = (value: string, path: string, max: number): string => {
  if ([...value].length > max) throw validationError([{ path, message: `must have at most ${max} characters` }]);
  if (value.includes('\u0000')) throw validationError([{ path, message: 'must not contain NUL characters' }]);
  return value;
};

const addTypes = (builder: GraphQLBuilder) => {
  const PasswordChange = builder.objectRef<PasswordChanged>('AccountPasswordChange').implement({
    description: 'A new access token for the calling session; every other session of the user has ended',
    fields: (t) => ({
      userId: t.string({ resolve: (r) => r.user.id }),
      accessToken: t.exposeString('accessToken'),
      expiresIn: t.exposeInt('expiresIn'),
    }),
  });
  const Switch = builder.objectRef<TenantSwitch>('TenantSwitch').implement({
    description: 'A short-lived access token for another tenant, carrying the administrator as impersonatedBy (no refresh token)',
    fields: (t) => ({
      switchId: t.exposeString('switchId'),
      accessToken: t.exposeString('accessToken'),
      expiresIn: t.exposeInt('expiresIn'),
      tenantId: t.string({ resolve: (r) => r.tenant.id }),
      tenantSlug: t.string({ resolve: (r) => r.tenant.slug }),
      impersonatedByUserId: t.string({ resolve: (r) => r.impersonatedBy.userId }),
      impersonatedByTenantId: t.string({ resolve: (r) => r.impersonatedBy.tenantId }),
    }),
  });
  return { PasswordChange, Switch };
};

const addPasswordFields = (builder: GraphQLBuilder, { PasswordChange }: ReturnType<typeof addTypes>): void => {
  builder.mutationField('changePassword', (t) =>
    t.field({
      type: PasswordChange,
      authScopes: { authenticated: true },
      args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => changePassword(authContextOf(ctx), principalOf(ctx), args),
    }),
  );
  builder.mutationField('requestPasswordReset', (t) =>
    t.boolean({
      description: 'Sends a reset token to the address if it has an account; true whatever the address',
      authScopes: { public: true },
      args: { email: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await requestPasswordReset(authContextOf(ctx), text(args.email, '/email', 254));
        return true;
      },
    }),
  );
  builder.mutationField('confirmPasswordReset', (t) =>
    t.boolean({
      authScopes: { public: true },
      args: { token: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await confirmPasswordReset(authContextOf(ctx), args);
        return true;
      },
    }),
  );
};

const addVerificationFields = (builder: GraphQLBuilder): void => {
  builder.mutationField('verifyEmail', (t) =>
    t.boolean({
      authScopes: { public: true },
      args: { token: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => (await verifyEmail(authContextOf(ctx), args.token)).emailVerified,
    }),
  );
  builder.mutationField('resendEmailVerification', (t) =>
    t.boolean({
      description: 'Sends a new verification token to an unverified address; true whatever the address',
      authScopes: { public: true },
      args: { email: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await resendEmailVerification(authContextOf(ctx), text(args.email, '/email', 254));
        return true;
      },
    }),
  );
};

const addSwitchField = (builder: GraphQLBuilder, { Switch }: ReturnType<typeof addTypes>): void => {
  builder.mutationField('switchTenant', (t) =>
    t.field({
      type: Switch,
      description: 'Platform administrators: act in a tenant for 15 minutes (audited as auth.tenant.switched)',
      authScopes: { permission: 'platform.tenants.manage' },
      args: { tenantId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => {
        const reason = text(args.reason, '/reason', 500);
        if (reason.trim() === '') throw validationError([{ path: '/reason', message: 'must not be empty' }]);
        return switchTenant(appOf(ctx).auth, principalOf(ctx), { tenantId: parseId(String(args.tenantId)), reason });
      },
    }),
  );
};

/** The account mutations, added to the auth module's GraphQL schema. */
export const accountsGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addPasswordFields(builder, types);
  addVerificationFields(builder);
  addSwitchField(builder, types);
};
