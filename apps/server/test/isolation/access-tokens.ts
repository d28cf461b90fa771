import { expect } from 'vitest';
import { errorCodes, expectNoSecretsOfB, idsIn, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/**
 * Personal access tokens: A's admin never lists, revokes or reaches B's tokens (another tenant's
 * token id is not found), and B's token is unknown (401) when presented to tenant A.
 */

interface TokenObjects {
  readonly tokenId: string;
  readonly secret: string;
}

const tokens = (side: Side): TokenObjects => accessTokensArea.of(side);
const tokenOfB = (w: World) => tokens(w.b).tokenId;

/** B's token stays unrevoked whatever A did. */
const expectBTokenLive = async (w: World): Promise<void> => {
  const { rows } = await w.p.database.db.transaction(
    (tx) => tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM auth_access_tokens WHERE id = $1', [tokenOfB(w)]),
    { tenantId: w.b.tenant.id },
  );
  expect(rows).toEqual([{ revoked_at: null }]);
};

export const accessTokensArea: Area<TokenObjects> = defineArea<TokenObjects>({
  name: 'access-tokens',
  async setup({ side, call }) {
    const res = await call('POST', '/api/v1/auth/access-tokens', side.admin, {
      name: `token of ${side.tenant.slug}`,
      permissions: ['content.nodes.read', 'commerce.orders.read'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, token } = res.json<{ id: string; token: string }>();
    return { tokenId: id, secret: token };
  },
  secretsOf: (o) => [o.tokenId, o.secret],
  tablesWithData: ['auth_access_tokens'],
  routes: {
    'GET /api/v1/auth/access-tokens': {
      kind: 'tenant',
      query: () => 'all=true',
      after: async (w, res) => {
        expect(listedIds(res)).toContain(tokens(w.a).tokenId);
        // B's token presented to tenant A is unknown there.
        const crossed = await w.call('GET', '/api/v1/auth/me', {
          authorization: `Bearer ${tokens(w.b).secret}`,
          'x-tenant-id': w.a.tenant.id,
        });
        expect(crossed.statusCode).toBe(401);
        expect(crossed.json()).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
      },
    },
    'POST /api/v1/auth/access-tokens': {
      kind: 'tenant',
      body: () => ({ name: 'probe', permissions: ['content.nodes.read'] }),
      status: 201,
      after: async (w, res) => {
        const id = res.json<{ id: string }>().id;
        expect(await idsIn(w, w.a.tenant.id, 'auth_access_tokens')).toContain(id);
        expect(await idsIn(w, w.b.tenant.id, 'auth_access_tokens')).not.toContain(id);
      },
    },
    'GET /api/v1/auth/access-tokens/permissions': { kind: 'tenant' },
    'POST /api/v1/auth/access-tokens/{id}/revoke': refusedRoute({ id: tokenOfB }, 'AUTH_ACCESS_TOKEN_NOT_FOUND', {
      after: expectBTokenLive,
    }),
  },
  graphql: {
    'Query.accessTokens': pageListsOnlyA('accessTokens', '{ accessTokens(all: true) { items { id } } }', (w) => tokens(w.a).tokenId),
    'Query.accessTokenPermissions': async (w) => {
      const reply = await w.gql(w.a.admin, '{ accessTokenPermissions { name readOnly } }');
      expect(reply.errors, reply.text).toBeUndefined();
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.createAccessToken': async (w) => {
      const reply = await w.gql(
        w.a.admin,
        'mutation { createAccessToken(input: { name: "probe", permissions: ["content.nodes.read"] }) { accessToken { id } } }',
      );
      expect(errorCodes(reply), reply.text).toBeUndefined();
      const created = reply.data?.createAccessToken as { accessToken: { id: string } } | undefined;
      const id = created?.accessToken.id ?? '';
      expect(await idsIn(w, w.a.tenant.id, 'auth_access_tokens')).toContain(id);
      expect(await idsIn(w, w.b.tenant.id, 'auth_access_tokens')).not.toContain(id);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.revokeAccessToken': async (w) => {
      await refusedForB(
        'mutation ($id: ID!) { revokeAccessToken(id: $id) { id } }',
        (x) => ({ id: tokenOfB(x) }),
        'AUTH_ACCESS_TOKEN_NOT_FOUND',
      )(w);
      await expectBTokenLive(w);
    },
  },
});
