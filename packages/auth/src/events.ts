import type { Tx } from '@rustok/db';
import { Email, type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { AuthContext } from './context.js';

export const UserRegisteredV1 = Type.Object({ userId: Id(), email: Email() }, { additionalProperties: false });
export type UserRegisteredV1 = Static<typeof UserRegisteredV1>;

/** Events the auth module publishes (its `events.emits`). */
export const authEvents: readonly EventDeclaration[] = [
  {
    type: 'auth.user.registered',
    schemaVersion: 1,
    payload: UserRegisteredV1,
    description: 'A user account was created in a tenant (self-registration or by an administrator)',
  },
];

/** Publishes `auth.user.registered` in the caller's transaction, when the context has a bus. */
export const publishUserRegistered = async (
  ctx: Pick<AuthContext, 'bus' | 'tenantId'>,
  tx: Tx,
  payload: UserRegisteredV1,
): Promise<void> => {
  await ctx.bus?.publishInTx(tx, { type: 'auth.user.registered', schemaVersion: 1, tenantId: ctx.tenantId, payload });
};
