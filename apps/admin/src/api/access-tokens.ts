import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';

export type McpMode = 'direct' | 'catalog';

/** A personal access token as the server lists it (never the secret). */
export interface AccessToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  readonly permissions: readonly string[];
  readonly readOnly: boolean;
  readonly mcpMode: McpMode;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly createdAt: string;
}

/** The answer to a creation: the token and its secret, shown this once. */
export interface CreatedAccessToken extends AccessToken {
  readonly token: string;
}

export interface GrantablePermissions {
  readonly permissions: readonly { readonly name: string; readonly readOnly: boolean }[];
  readonly readOnlyPreset: readonly string[];
}

export interface AccessTokenInput {
  readonly name: string;
  readonly permissions: readonly string[];
  readonly mcpMode: McpMode;
  readonly expiresAt?: string;
}

// REST: the list pages like the other admin lists; the creation answer carries the secret.
export const accessTokensQuery = (all: boolean) =>
  queryOptions({
    queryKey: ['auth', 'access-tokens', all ? 'all' : 'own'],
    queryFn: () => api<{ items: AccessToken[]; nextCursor: string | null }>(`/auth/access-tokens?limit=100${all ? '&all=true' : ''}`),
  });

export const grantablePermissionsQuery = queryOptions({
  queryKey: ['auth', 'access-tokens', 'permissions'],
  queryFn: () => api<GrantablePermissions>('/auth/access-tokens/permissions'),
  staleTime: 300_000,
});

/** The request body of a creation (no expiry: the token does not expire). */
export const createBodyOf = (input: AccessTokenInput) => ({
  name: input.name,
  permissions: [...input.permissions],
  mcpMode: input.mcpMode,
  ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
});

export const createAccessToken = (input: AccessTokenInput): Promise<CreatedAccessToken> =>
  api<CreatedAccessToken>('/auth/access-tokens', { method: 'POST', body: createBodyOf(input) });

export const revokeAccessToken = (id: string): Promise<AccessToken> =>
  api<AccessToken>(`/auth/access-tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
