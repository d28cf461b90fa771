import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly status: string;
  readonly emailVerified: boolean;
  readonly roles: readonly string[];
  readonly createdAt: string;
}

export interface Role {
  readonly name: string;
  readonly builtIn: boolean;
  readonly description: string | null;
  readonly permissions: readonly string[];
}

export const usersQuery = queryOptions({
  queryKey: ['auth', 'users'],
  queryFn: () => api<{ items: User[]; nextCursor: string | null }>('/auth/users?limit=100'),
});

export const rolesQuery = queryOptions({ queryKey: ['auth', 'roles'], queryFn: () => api<Role[]>('/auth/roles'), staleTime: 60_000 });

export const createUser = (input: { email: string; password: string; name?: string; roles: string[] }) =>
  api<User>('/auth/users', { method: 'POST', body: input });

export const setUserRoles = ({ id, roles }: { id: string; roles: string[] }) =>
  api<User>(`/auth/users/${id}/roles`, { method: 'PUT', body: { roles } });

export const setUserStatus = ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
  api<User>(`/auth/users/${id}`, { method: 'PATCH', body: { status } });
