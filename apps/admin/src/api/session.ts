/** The signed-in session: tokens and the tenant they belong to, kept for this browser tab. */
export interface Session {
  readonly tenant: string;
  readonly accessToken: string;
  readonly refreshToken: string;
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
