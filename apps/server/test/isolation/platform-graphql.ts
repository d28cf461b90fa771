import { generateId } from '@rustok/kernel';
import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, pageListsOnlyA, refusedForB } from './checks.js';
import { B_ROLE, noteIds, platformAuth } from './platform-auth.js';
import { defineArea, type GraphQLCheck, type Side, type World } from './world.js';

/**
 * The GraphQL side of the platform, tenancy, auth and events: sessions, users and roles, the
 * tenant's modules (tenant fields: A's admin acts on A only), tenants and the event system
 * (platform fields: a tenant's admin is refused). The objects are those of the platform-auth area.
 */

const auth = (side: Side) => platformAuth.of(side);

/** A platform field asked by A's admin (a tenant's administrator): AUTH_FORBIDDEN, no data, nothing of B. */
const platformOnly =
  (query: string, variables: (w: World) => Record<string, unknown> = () => ({})): GraphQLCheck =>
  async (w) => {
    const reply = await w.gql(w.a.admin, query, variables(w));
    expect(errorCodes(reply), reply.text).toEqual(['AUTH_FORBIDDEN']);
    expect(Object.values(reply.data ?? {}).filter((v) => v !== null)).toEqual([]);
    expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables(w))]);
  };

const modulesOf = async (w: World, side: Side) => {
  const reply = await w.gql(side.admin, '{ tenantModules { slug enabled } }');
  expect(reply.errors, reply.text).toBeUndefined();
  return new Map(((reply.data?.tenantModules ?? []) as { slug: string; enabled: boolean }[]).map((m) => [m.slug, m.enabled]));
};

const SESSION = 'accessToken refreshToken user { id tenantId }';

export const platformGraphQLArea = defineArea<Record<string, never>>({
  name: 'platform-graphql',
  setup: async () => ({}),
  routes: {},
  graphql: {
    // sessions
    'Mutation.login': async (w) => {
      const query = `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ${SESSION} } }`;
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, query, { e: auth(w.b).email, p: auth(w.b).password });
      // B's credentials are no account of A (whose account of that address the REST entry locked).
      expect(errorCodes(reply)?.length, reply.text).toBe(1);
      expect(['AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_LOCKED']).toContain(errorCodes(reply)?.[0]);
      expect(reply.data?.login ?? null).toBeNull();
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.refresh': async (w) => {
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, `mutation ($t: String!) { refresh(refreshToken: $t) { ${SESSION} } }`, {
        t: auth(w.b).refreshToken,
      });
      expect(errorCodes(reply), reply.text).toEqual(['AUTH_REFRESH_INVALID']);
      expectNoSecretsOfB(w, reply.text, [auth(w.b).refreshToken]);
    },
    // Whatever it answers, B's session survives (the suite refreshes it at the end).
    'Mutation.logout': async (w) => {
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, 'mutation ($t: String!) { logout(refreshToken: $t) }', {
        t: auth(w.b).refreshToken,
      });
      expect(reply.errors, reply.text).toBeUndefined();
    },
    'Query.me': async (w) => {
      const reply = await w.gql(w.a.admin, '{ me { id tenantId roles permissions } }');
      expect(reply.data?.me).toMatchObject({ id: w.a.adminId, tenantId: w.a.tenant.id, roles: ['admin'] });
      expectNoSecretsOfB(w, reply.text);
    },
    // users and roles of the tenant
    'Query.users': pageListsOnlyA('users', '{ users(first: 100) { items { id tenantId } nextCursor } }', (w) => w.a.adminId),
    'Query.user': refusedForB('query ($id: ID!) { user(id: $id) { id email } }', (w) => ({ id: w.b.adminId }), 'AUTH_USER_NOT_FOUND'),
    'Mutation.createUser': (w) =>
      createdInA(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id tenantId } }',
        { input: { email: `gql-admin@${w.b.tenant.slug}.example.com`, password: 'yet another password', roles: ['editor'] } },
        'createUser',
        'users',
      )(w),
    'Mutation.setUserRoles': refusedForB(
      'mutation ($id: ID!) { setUserRoles(id: $id, roles: ["customer"]) { id } }',
      (w) => ({ id: w.b.adminId }),
      'AUTH_USER_NOT_FOUND',
    ),
    'Mutation.updateUser': refusedForB(
      'mutation ($id: ID!) { updateUser(id: $id, status: disabled) { id } }',
      (w) => ({ id: auth(w.b).userId }),
      'AUTH_USER_NOT_FOUND',
    ),
    'Query.roles': async (w) => {
      const reply = await w.gql(w.a.admin, '{ roles { name builtIn permissions } }');
      expect(reply.errors, reply.text).toBeUndefined();
      const names = ((reply.data?.roles ?? []) as { name: string }[]).map((r) => r.name);
      expect(names).toContain('admin');
      expect(names).not.toContain(`${B_ROLE}_only`);
    },
    // Same name as B's own role: A gets (or replaces) a role of its own, B's stays as it was (snapshot).
    'Mutation.putRole': async (w) => {
      const reply = await w.gql(w.a.admin, `mutation { putRole(name: "${B_ROLE}", permissions: ["notes.items.read"]) { name builtIn } }`);
      expect(reply.data?.putRole, reply.text).toEqual({ name: B_ROLE, builtIn: false });
    },
    'Mutation.deleteRole': refusedForB(
      'mutation ($n: String!) { deleteRole(name: $n) }',
      () => ({ n: `${B_ROLE}_only` }),
      'AUTH_ROLE_NOT_FOUND',
    ),
    // the tenant's modules
    'Query.tenantModules': async (w) => {
      expect((await modulesOf(w, w.a)).get('notes')).toBe(true);
    },
    'Mutation.setTenantModule': async (w) => {
      const set = 'mutation ($e: Boolean!) { setTenantModule(slug: "notes", enabled: $e) { slug enabled } }';
      const off = await w.gql(w.a.admin, set, { e: false });
      expect(off.data?.setTenantModule, off.text).toEqual({ slug: 'notes', enabled: false });
      try {
        expect((await modulesOf(w, w.a)).get('notes')).toBe(false);
        expect((await modulesOf(w, w.b)).get('notes')).toBe(true);
        const ofB = await w.gql(w.b.admin, '{ notes { id } }');
        expect(ofB.text).toContain(auth(w.b).noteId);
        expect(await noteIds(w.p.database.db, w.b.tenant.id)).toContain(auth(w.b).noteId);
      } finally {
        const on = await w.gql(w.a.admin, set, { e: true });
        expect(on.data?.setTenantModule, on.text).toEqual({ slug: 'notes', enabled: true });
      }
    },
    // platform administration (super_admin only)
    'Query.tenants': platformOnly('{ tenants { items { id slug } } }'),
    'Query.tenant': platformOnly('query ($id: ID!) { tenant(id: $id) { id slug settings } }', (w) => ({ id: w.b.tenant.id })),
    'Mutation.createTenant': platformOnly('mutation ($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }', () => ({
      i: { name: 'Not made', slug: 'iso-never', owner: { email: 'owner@iso-never.example.com', password: 'a long password 42' } },
    })),
    'Mutation.updateTenant': platformOnly('mutation ($id: ID!) { updateTenant(id: $id, input: { isActive: false }) { id } }', (w) => ({
      id: w.b.tenant.id,
    })),
    'Query.eventStats': platformOnly('{ eventStats { backlog byType { type } } }'),
    'Query.eventDeadLetters': platformOnly('{ eventDeadLetters { items { id tenantId envelope } } }'),
    'Mutation.replayEventDeadLetter': platformOnly('mutation ($id: ID!) { replayEventDeadLetter(id: $id) { id } }', () => ({
      id: generateId(),
    })),
  },
});
