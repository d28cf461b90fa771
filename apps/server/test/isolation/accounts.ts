import { createPasswordReset } from '@rustok/auth';
import { expect } from 'vitest';
import { expectNoSecretsOfB, refusedRoute } from './checks.js';
import { platformAuth } from './platform-auth.js';
import { type Area, defineArea, type Side } from './world.js';

/** Accounts: password change and reset, verification resends, the admin's password reset, the tenant switch and the JWKS. */

interface AccountObjects {
  /** A pending password-reset token of the platform-auth area's customer. */
  readonly resetToken: string;
}

const auth = (side: Side) => platformAuth.of(side);
const accounts = (side: Side): AccountObjects => accountsArea.of(side);

export const accountsArea: Area<AccountObjects> = defineArea<AccountObjects>({
  name: 'accounts',
  async setup({ p, side }) {
    const { userId, email } = auth(side);
    const resetToken = await p.database.db.transaction(
      (tx) => createPasswordReset({ logger: p.logger }, tx, { id: userId, email }, Date.now()),
      { tenantId: side.tenant.id },
    );
    return { resetToken };
  },
  secretsOf: (o) => [o.resetToken],
  tablesWithData: ['password_resets'],
  routes: {
    'POST /api/v1/platform/tenants/{id}/switch': {
      kind: 'platform',
      paramsOfB: { id: (w) => w.b.tenant.id },
      body: () => ({ reason: 'isolation probe' }),
    },
    // the deployment's public keys, served per tenant
    'GET /.well-known/jwks.json': {
      kind: 'tenant',
      public: true,
      after: async (_w, res) => {
        expect(res.json<{ keys: { kid: string }[] }>().keys.length).toBeGreaterThan(0);
      },
    },
    'POST /api/v1/auth/verify-email/resend': {
      kind: 'tenant',
      public: true,
      // B's unverified address in A: the same 202 as for any address, and nothing is written for B (snapshot).
      body: (w) => ({ email: auth(w.b).email }),
      status: 202,
    },
    'POST /api/v1/auth/password-reset': {
      kind: 'tenant',
      public: true,
      body: (w) => ({ email: auth(w.b).email }),
      status: 202,
      after: async (w) => {
        const { rows } = await w.p.database.db.transaction(
          (tx) => tx.query('SELECT user_id FROM password_resets WHERE user_id = $1', [auth(w.b).userId]),
          {
            tenantId: w.a.tenant.id,
          },
        );
        expect(rows).toEqual([]);
      },
    },
    'POST /api/v1/auth/password-reset/confirm': {
      kind: 'tenant',
      public: true,
      body: (w) => ({ token: accounts(w.b).resetToken, newPassword: 'taken over by A 42' }),
      status: 400,
      code: 'AUTH_RESET_TOKEN_INVALID',
    },
    'POST /api/v1/auth/password': {
      kind: 'tenant',
      // A's own account only: the wrong current password of the probe is refused.
      body: () => ({ currentPassword: 'not the password', newPassword: 'a new password for A' }),
      status: 422,
      code: 'AUTH_CURRENT_PASSWORD_WRONG',
    },
    'POST /api/v1/auth/users/{id}/password-reset': refusedRoute({ id: (w) => auth(w.b).userId }, 'AUTH_USER_NOT_FOUND', {
      body: () => ({ newPassword: 'set by A for B 42' }),
    }),
  },
  graphql: {
    'Mutation.changePassword': async (w) => {
      const reply = await w.gql(
        w.a.admin,
        'mutation { changePassword(currentPassword: "not it", newPassword: "a new one for A") { userId } }',
      );
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['AUTH_CURRENT_PASSWORD_WRONG']);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.requestPasswordReset': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($email: String!) { requestPasswordReset(email: $email) }', {
        email: auth(w.b).email,
      });
      expect(reply.data?.requestPasswordReset).toBe(true);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.confirmPasswordReset': async (w) => {
      const reply = await w.gql(
        w.a.admin,
        'mutation ($token: String!) { confirmPasswordReset(token: $token, newPassword: "taken over by A 42") }',
        {
          token: accounts(w.b).resetToken,
        },
      );
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['AUTH_RESET_TOKEN_INVALID']);
      expectNoSecretsOfB(w, reply.text, [accounts(w.b).resetToken]);
    },
    'Mutation.verifyEmail': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($token: String!) { verifyEmail(token: $token) }', {
        token: auth(w.b).verificationToken,
      });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['AUTH_VERIFICATION_INVALID']);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.resendEmailVerification': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($email: String!) { resendEmailVerification(email: $email) }', {
        email: auth(w.b).email,
      });
      expect(reply.data?.resendEmailVerification).toBe(true);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.switchTenant': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($id: ID!) { switchTenant(tenantId: $id, reason: "probe") { accessToken } }', {
        id: w.b.tenant.id,
      });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['AUTH_FORBIDDEN']);
      expectNoSecretsOfB(w, reply.text, [w.b.tenant.id]);
    },
  },
});
