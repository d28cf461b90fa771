/** The signed-in session: tokens and the tenant they belong to, kept for this browser tab. */
export interface Session {
  /** Slug or id of the tenant the tokens are for (sent as the tenant header). */
  readonly tenant: string;
  readonly accessToken: string;
  /** None while the platform operator acts in a tenant (that token is short-lived and not renewed). */
  readonly refreshToken?: string;
  /** While acting in a tenant: its name and the operator's own session to return to. */
  readonly acting?: { readonly tenantName: string; readonly operator: Session };
}

const KEY = 'rustok.admin.session';

export const readSession = (): Session | undefined => {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return undefined;
  }
};

export const writeSession = (session: Session | undefined): void => {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
};
