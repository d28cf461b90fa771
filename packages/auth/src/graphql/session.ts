import { type GraphQLBuilder, httpRequestOf, kernelErrors, parseInput } from '@rustok/kernel';
import { login } from '../login.js';
import { logout } from '../logout.js';
import { meOf } from '../me.js';
import { refresh } from '../refresh-session.js';
import { Credentials, RefreshBody } from '../routes.js';
import { authContextOf } from './context.js';
import { authGraphQLTypes } from './types.js';

const open = { public: true } as const;

/** login / refresh / logout / me: the REST session routes' use-cases, checks and codes. */
export const sessionGraphQL = (builder: GraphQLBuilder): void => {
  const types = authGraphQLTypes(builder);
  builder.mutationField('login', (t) =>
    t.field({
      type: types.Session,
      description: 'Log in with e-mail and password (AUTH_INVALID_CREDENTIALS; throttled per IP and account)',
      authScopes: open,
      args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => login(authContextOf(ctx), { ...parseInput(Credentials, { ...args }), ip: httpRequestOf(ctx)?.ip }),
    }),
  );
  builder.mutationField('refresh', (t) =>
    t.field({
      type: types.Session,
      description: 'Exchange a refresh token for a new pair; a token used twice revokes its family (AUTH_REFRESH_REUSED)',
      authScopes: open,
      args: { refreshToken: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) => refresh(authContextOf(ctx), parseInput(RefreshBody, { ...args })),
    }),
  );
  builder.mutationField('logout', (t) =>
    t.boolean({
      description: 'Revoke a refresh token and its family (true, also for an unknown token)',
      authScopes: open,
      args: { refreshToken: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await logout(authContextOf(ctx), parseInput(RefreshBody, { ...args }));
        return true;
      },
    }),
  );
  builder.queryField('me', (t) =>
    t.field({
      type: types.Me,
      description: 'The calling user with roles and effective permissions',
      authScopes: { authenticated: true },
      resolve: (_root, _args, ctx) => {
        if (!ctx.principal) throw kernelErrors.AUTH_REQUIRED('This field needs a valid access token');
        return meOf(authContextOf(ctx), ctx.principal);
      },
    }),
  );
};
