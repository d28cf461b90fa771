import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const UserListDocument = graphql(`
  query UserList {
    users(first: 100) {
      items {
        id
        email
        status
        roles
        createdAt
      }
    }
  }
`);

const RoleListDocument = graphql(`
  query RoleList {
    roles {
      name
      builtIn
      description
      permissions
    }
  }
`);

const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
    }
  }
`);

const SetUserRolesDocument = graphql(`
  mutation SetUserRoles($id: ID!, $roles: [String!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`);

const UpdateUserDocument = graphql(`
  mutation UpdateUser($id: ID!, $status: AuthUserStatus!) {
    updateUser(id: $id, status: $status) {
      id
      status
    }
  }
`);

type UserNode = NonNullable<NonNullable<ResultOf<typeof UserListDocument>['users']>['items']>[number];
type RoleNode = NonNullable<ResultOf<typeof RoleListDocument>['roles']>[number];

/** A user as the users screen shows it (the schema's nullable fields filled in). */
const userOf = (u: UserNode) => ({
  id: u.id ?? '',
  email: u.email ?? '',
  status: u.status ?? '',
  roles: u.roles ?? [],
  createdAt: u.createdAt ?? '',
});
export type User = ReturnType<typeof userOf>;

/** A role as the users and roles screens show it. */
const roleOf = (r: RoleNode) => ({
  name: r.name ?? '',
  builtIn: r.builtIn ?? false,
  description: r.description ?? null,
  permissions: r.permissions ?? [],
});
export type Role = ReturnType<typeof roleOf>;

export const usersQuery = queryOptions({
  queryKey: ['auth', 'users'],
  queryFn: async () => ({ items: ((await gql(UserListDocument)).users?.items ?? []).map(userOf) }),
});

export const rolesQuery = queryOptions({
  queryKey: ['auth', 'roles'],
  queryFn: async () => ((await gql(RoleListDocument)).roles ?? []).map(roleOf),
  staleTime: 60_000,
});

export const createUser = async (input: { email: string; password: string; name?: string; roles: string[] }) => {
  const { createUser: user } = await gql(CreateUserDocument, { input });
  return { id: user?.id ?? '', email: user?.email ?? input.email };
};

export const setUserRoles = async ({ id, roles }: { id: string; roles: string[] }) =>
  (await gql(SetUserRolesDocument, { id, roles })).setUserRoles;

export const setUserStatus = async ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
  (await gql(UpdateUserDocument, { id, status })).updateUser;
