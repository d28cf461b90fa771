import { type AuthContext, inTenant, nowOf } from './context.js';
import { revokeFamilyOfToken } from './refresh.js';

export interface LogoutInput {
  readonly refreshToken: string;
}

/** Ends the session: revokes the token's whole family. An unknown token is no error (logout is idempotent). */
export const logout = async (ctx: AuthContext, input: LogoutInput): Promise<void> => {
  const now = nowOf(ctx);
  await inTenant(ctx, (tx) => revokeFamilyOfToken(tx, input.refreshToken, now));
};
