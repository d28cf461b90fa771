import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import { readSession, writeSession } from './session.js';

/** GET /auth/me: the signed-in user with roles and effective permissions. */
export interface Me {
  readonly impersonatedBy?: { readonly userId: string; readonly tenantId: string; readonly email: string };
  readonly id: string;
  readonly email: string;
  readonly name?: string | null;
  readonly tenantId: string;
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
}

interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export const meQuery = queryOptions({ queryKey: ['auth', 'me'], queryFn: () => api<Me>('/auth/me'), staleTime: 60_000 });

export interface SignIn {
  readonly tenant: string;
  readonly email: string;
  readonly password: string;
}

/** Signs in to a tenant (by slug or id) and keeps the session for this tab. */
export const signIn = async ({ tenant, email, password }: SignIn): Promise<void> => {
  const pair = await api<TokenPair>('/auth/login', { method: 'POST', tenant, body: { email, password } });
  writeSession({ tenant, accessToken: pair.accessToken, refreshToken: pair.refreshToken });
};

/** Ends the session here and revokes its refresh token on the server (best effort). */
export const signOut = async (): Promise<void> => {
  const session = readSession();
  const own = session?.acting?.operator ?? session;
  writeSession(undefined);
  if (own?.refreshToken) {
    await api('/auth/logout', { method: 'POST', tenant: own.tenant, body: { refreshToken: own.refreshToken } }).catch(() => {});
  }
};

export const isSignedIn = (): boolean => readSession() !== undefined;
