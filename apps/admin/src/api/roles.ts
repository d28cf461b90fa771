import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';

/** GET /auth/permissions: what a tenant role can grant, by module. */
export interface ModulePermissions {
  readonly module: string;
  readonly permissions: readonly string[];
}

// REST: the GraphQL schema has no field for the permission catalogue.
export const permissionCatalogueQuery = queryOptions({
  queryKey: ['auth', 'permissions'],
  queryFn: () => api<ModulePermissions[]>('/auth/permissions'),
  staleTime: 300_000,
});

const PutRoleDocument = graphql(`
  mutation PutRole($name: String!, $description: String, $permissions: [String!]!) {
    putRole(name: $name, description: $description, permissions: $permissions) {
      name
    }
  }
`);

const DeleteRoleDocument = graphql(`
  mutation DeleteRole($name: String!) {
    deleteRole(name: $name)
  }
`);

export interface RoleInput {
  readonly name: string;
  readonly description?: string;
  readonly permissions: readonly string[];
}

/** Creates or replaces one of the tenant's own roles. */
export const putRole = async ({ name, description, permissions }: RoleInput): Promise<{ name: string }> => {
  const { putRole: saved } = await gql(PutRoleDocument, { name, description: description || null, permissions: [...permissions] });
  return { name: saved?.name ?? name };
};

/** Deletes a tenant role (the server takes it from its users). */
export const deleteRole = async (name: string): Promise<void> => {
  await gql(DeleteRoleDocument, { name });
};
