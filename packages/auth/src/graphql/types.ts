import { connectionType, type GraphQLBuilder } from '@rustok/kernel';
import type { Me } from '../me.js';
import type { Session } from '../session.js';
import type { RoleView } from '../tenant-roles.js';
import type { AuthUser } from '../users.js';

const addUserTypes = (builder: GraphQLBuilder) => {
  const Fields = builder.interfaceRef<AuthUser>('AuthUserFields').implement({
    description: 'What every view of a user shows (never the password hash)',
    fields: (t) => ({
      id: t.exposeID('id'),
      tenantId: t.exposeString('tenantId'),
      email: t.exposeString('email'),
      name: t.exposeString('name', { nullable: true }),
      status: t.exposeString('status', { description: 'active or disabled' }),
      emailVerified: t.exposeBoolean('emailVerified'),
      roles: t.exposeStringList('roles'),
      createdAt: t.exposeString('createdAt'),
    }),
  });
  const User = builder.objectRef<AuthUser>('AuthUser').implement({ description: 'A user of the tenant', interfaces: [Fields] });
  const MeType = builder.objectRef<Me>('AuthMe').implement({
    description: 'The calling user with roles and effective permissions',
    interfaces: [Fields],
    fields: (t) => ({ permissions: t.exposeStringList('permissions') }),
  });
  return { Fields, User, Me: MeType, UserConnection: connectionType(builder, 'AuthUserConnection', User) };
};

const addTypes = (builder: GraphQLBuilder) => {
  const users = addUserTypes(builder);
  const SessionType = builder.objectRef<Session>('AuthSession').implement({
    description: 'A signed-in session: an access token and the refresh token that renews it',
    fields: (t) => ({
      user: t.field({ type: users.User, resolve: (s) => s.user }),
      accessToken: t.exposeString('accessToken'),
      refreshToken: t.exposeString('refreshToken'),
      expiresIn: t.exposeInt('expiresIn', { description: 'Lifetime of the access token, in seconds' }),
    }),
  });
  const Role = builder.objectRef<RoleView>('AuthRole').implement({
    description: 'A built-in or tenant role with its permissions',
    fields: (t) => ({
      name: t.exposeString('name'),
      builtIn: t.exposeBoolean('builtIn'),
      description: t.exposeString('description', { nullable: true }),
      permissions: t.exposeStringList('permissions'),
    }),
  });
  const UserStatus = builder.enumType('AuthUserStatus', { values: ['active', 'disabled'] as const });
  return { ...users, Session: SessionType, Role, UserStatus };
};

export type AuthGraphQLTypes = ReturnType<typeof addTypes>;

const created = new WeakMap<GraphQLBuilder, AuthGraphQLTypes>();

/**
 * The auth types of a schema (`AuthUser`, `AuthMe`, `AuthSession`, `AuthRole`, …), created once per
 * builder by whichever auth field asks first.
 */
export const authGraphQLTypes = (builder: GraphQLBuilder): AuthGraphQLTypes => {
  let types = created.get(builder);
  if (!types) {
    types = addTypes(builder);
    created.set(builder, types);
  }
  return types;
};
