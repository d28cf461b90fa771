import { type GraphQLBuilder, pageOf, parseId, parseInput, withoutNulls } from '@rustok/kernel';
import { NewUser, RoleBody, RoleName, Roles } from '../admin-routes.js';
import { createUserAs, getUser, listUsers, setUserRoles, setUserStatus } from '../admin-users.js';
import { deleteRole, listRoles, putRole } from '../tenant-roles.js';
import { authContextOf } from './context.js';
import { type AuthGraphQLTypes, authGraphQLTypes } from './types.js';

const read = { permission: 'auth.users.read' } as const;
const manage = { permission: 'auth.users.manage' } as const;
const manageRoles = { permission: 'auth.roles.manage' } as const;

const addUserQueries = (builder: GraphQLBuilder, types: AuthGraphQLTypes) => {
  builder.queryField('users', (t) =>
    t.field({
      type: types.UserConnection,
      description: "The tenant's users, by id",
      authScopes: read,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => {
        const page = pageOf(args);
        return listUsers(authContextOf(ctx), page.limit, page.cursor);
      },
    }),
  );
  builder.queryField('user', (t) =>
    t.field({
      type: types.User,
      description: 'One user of the tenant (AUTH_USER_NOT_FOUND)',
      authScopes: read,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getUser(authContextOf(ctx), parseId(String(args.id))),
    }),
  );
};

const addUserMutations = (builder: GraphQLBuilder, types: AuthGraphQLTypes) => {
  const NewUserInput = builder.inputType('CreateUserInput', {
    fields: (t) => ({
      email: t.string({ required: true }),
      password: t.string({ required: true }),
      name: t.string(),
      roles: t.stringList({ required: true }),
    }),
  });
  builder.mutationField('createUser', (t) =>
    t.field({
      type: types.User,
      description: 'Create a user with roles (only a platform administrator grants super_admin)',
      authScopes: manage,
      args: { input: t.arg({ type: NewUserInput, required: true }) },
      resolve: (_root, args, ctx) => createUserAs(authContextOf(ctx), ctx.principal, parseInput(NewUser, withoutNulls({ ...args.input }))),
    }),
  );
  builder.mutationField('setUserRoles', (t) =>
    t.field({
      type: types.User,
      description: "Replace a user's roles (their refresh tokens are revoked)",
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), roles: t.arg.stringList({ required: true }) },
      resolve: (_root, args, ctx) =>
        setUserRoles(authContextOf(ctx), ctx.principal, parseId(String(args.id)), parseInput(Roles, args.roles)),
    }),
  );
  builder.mutationField('updateUser', (t) =>
    t.field({
      type: types.User,
      description: 'Disable or re-enable a user (disabling revokes their refresh tokens)',
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), status: t.arg({ type: types.UserStatus, required: true }) },
      resolve: (_root, args, ctx) => setUserStatus(authContextOf(ctx), ctx.principal, parseId(String(args.id)), args.status),
    }),
  );
};

const addRoleFields = (builder: GraphQLBuilder, types: AuthGraphQLTypes) => {
  builder.queryField('roles', (t) =>
    t.field({
      type: [types.Role],
      description: 'Built-in and tenant roles with their permissions',
      authScopes: read,
      resolve: (_root, _args, ctx) => listRoles(authContextOf(ctx)),
    }),
  );
  builder.mutationField('putRole', (t) =>
    t.field({
      type: types.Role,
      description: 'Create or replace a tenant role (AUTH_ROLE_BUILT_IN for built-in names)',
      authScopes: manageRoles,
      args: { name: t.arg.string({ required: true }), description: t.arg.string(), permissions: t.arg.stringList({ required: true }) },
      resolve: (_root, { name, ...body }, ctx) =>
        putRole(authContextOf(ctx), parseInput(RoleName, name), parseInput(RoleBody, withoutNulls(body))),
    }),
  );
  builder.mutationField('deleteRole', (t) =>
    t.boolean({
      description: 'Delete a tenant role and take it from its users (AUTH_ROLE_NOT_FOUND)',
      authScopes: manageRoles,
      args: { name: t.arg.string({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteRole(authContextOf(ctx), parseInput(RoleName, args.name));
        return true;
      },
    }),
  );
};

/** Users and roles of the tenant, for its administrators: the REST routes' use-cases and permissions. */
export const usersGraphQL = (builder: GraphQLBuilder): void => {
  const types = authGraphQLTypes(builder);
  addUserQueries(builder, types);
  addUserMutations(builder, types);
  addRoleFields(builder, types);
};
