import { connectionType, type GraphQLBuilder, pageOf, parseId, parseInput, withoutNulls } from '@rustok/kernel';
import { type GrantablePermissions, grantablePermissions } from '../access-token-grantable.js';
import { NewAccessToken } from '../access-token-routes.js';
import type { AccessTokenView } from '../access-token-store.js';
import { ACCESS_TOKENS_CREATE, type CreatedAccessToken, createAccessToken, listAccessTokens, revokeAccessToken } from '../access-tokens.js';
import { authContextOf } from './context.js';

const create = { permission: ACCESS_TOKENS_CREATE } as const;

const addTypes = (builder: GraphQLBuilder) => {
  const McpMode = builder.enumType('AuthAccessTokenMcpMode', { values: ['direct', 'catalog'] as const });
  const AccessToken = builder.objectRef<AccessTokenView>('AuthAccessToken').implement({
    description: 'A personal access token (never its secret)',
    fields: (t) => ({
      id: t.exposeID('id'),
      userId: t.exposeString('userId'),
      name: t.exposeString('name'),
      prefix: t.exposeString('prefix', { description: 'The first characters of the secret' }),
      permissions: t.exposeStringList('permissions'),
      readOnly: t.exposeBoolean('readOnly', { description: 'Every permission is a read-only one' }),
      mcpMode: t.field({ type: McpMode, resolve: (v) => v.mcpMode }),
      expiresAt: t.exposeString('expiresAt', { nullable: true }),
      lastUsedAt: t.exposeString('lastUsedAt', { nullable: true }),
      revokedAt: t.exposeString('revokedAt', { nullable: true }),
      createdAt: t.exposeString('createdAt'),
    }),
  });
  const Created = builder.objectRef<CreatedAccessToken>('AuthCreatedAccessToken').implement({
    description: 'A personal access token just created, with its secret: shown this once only',
    fields: (t) => ({
      accessToken: t.field({ type: AccessToken, resolve: (v) => v }),
      secret: t.exposeString('token', { description: 'Authorization: Bearer <secret>' }),
    }),
  });
  const Grantable = builder.objectRef<GrantablePermissions['permissions'][number]>('AuthGrantablePermission').implement({
    fields: (t) => ({ name: t.exposeString('name'), readOnly: t.exposeBoolean('readOnly') }),
  });
  return { McpMode, AccessToken, Created, Grantable, Connection: connectionType(builder, 'AuthAccessTokenConnection', AccessToken) };
};

/** Personal access tokens: the REST routes' use-cases and permission. */
export const accessTokensGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  builder.queryField('accessTokens', (t) =>
    t.field({
      type: types.Connection,
      description: "The caller's personal access tokens, newest first (all: everyone's, for auth.access_tokens.manage)",
      authScopes: create,
      args: { first: t.arg.int(), after: t.arg.string(), all: t.arg.boolean() },
      resolve: (_root, args, ctx) => {
        const page = pageOf(args);
        return listAccessTokens(authContextOf(ctx), ctx.principal, { limit: page.limit, cursor: page.cursor, all: args.all ?? false });
      },
    }),
  );
  builder.queryField('accessTokenPermissions', (t) =>
    t.field({
      type: [types.Grantable],
      description: 'The permissions the caller can give a token, each marked read-only or not',
      authScopes: create,
      resolve: (_root, _args, ctx) => [...grantablePermissions(authContextOf(ctx), ctx.principal).permissions],
    }),
  );
  const Input = builder.inputType('CreateAccessTokenInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      permissions: t.stringList({ required: true }),
      mcpMode: t.field({ type: types.McpMode }),
      expiresAt: t.string(),
    }),
  });
  builder.mutationField('createAccessToken', (t) =>
    t.field({
      type: types.Created,
      description: 'Create a personal access token with permissions among your own (AUTH_PERMISSION_NOT_HELD otherwise)',
      authScopes: create,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: (_root, args, ctx) =>
        createAccessToken(authContextOf(ctx), ctx.principal, parseInput(NewAccessToken, withoutNulls({ ...args.input }))),
    }),
  );
  builder.mutationField('revokeAccessToken', (t) =>
    t.field({
      type: types.AccessToken,
      description: "Revoke a token: your own, or anyone's with auth.access_tokens.manage (AUTH_ACCESS_TOKEN_NOT_FOUND)",
      authScopes: create,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => revokeAccessToken(authContextOf(ctx), ctx.principal, parseId(String(args.id))),
    }),
  );
};
