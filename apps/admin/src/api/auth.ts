import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../graphql/tada.js';
import { api } from './client.js';
import { gql } from './graphql.js';
import { ApiError } from './problem.js';
import { readSession, writeSession } from './session.js';

/** The signed-in user with roles and effective permissions. */
export interface Me {
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

const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      name
      tenantId
      roles
      permissions
    }
  }
`);

/** The `me` query: every screen's permission checks read it. */
export const fetchMe = async (): Promise<Me> => {
  const { me } = await gql(MeDocument);
  if (!me?.id || !me.email || !me.tenantId) throw new ApiError(401, 'AUTH_REQUIRED', 'not signed in');
  return { id: me.id, email: me.email, name: me.name, tenantId: me.tenantId, roles: me.roles ?? [], permissions: me.permissions ?? [] };
};

export const meQuery = queryOptions({ queryKey: ['auth', 'me'], queryFn: fetchMe, staleTime: 60_000 });

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
