import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import type { Role } from './users.js';

/** GET /auth/permissions: what a tenant role can grant, by module. */
export interface ModulePermissions {
  readonly module: string;
  readonly permissions: readonly string[];
}

export const permissionCatalogueQuery = queryOptions({
  queryKey: ['auth', 'permissions'],
  queryFn: () => api<ModulePermissions[]>('/auth/permissions'),
  staleTime: 300_000,
});

export interface RoleInput {
  readonly name: string;
  readonly description?: string;
  readonly permissions: readonly string[];
}

/** Creates or replaces one of the tenant's own roles. */
export const putRole = ({ name, description, permissions }: RoleInput) =>
  api<Role>(`/auth/roles/${encodeURIComponent(name)}`, {
    method: 'PUT',
    body: { ...(description ? { description } : {}), permissions },
  });

/** Deletes a tenant role (the server takes it from its users). */
export const deleteRole = (name: string) => api<undefined>(`/auth/roles/${encodeURIComponent(name)}`, { method: 'DELETE' });
