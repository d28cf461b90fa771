import { createEmailVerification } from '@rustok/auth';
import type { Database } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import { expect } from 'vitest';
import { expectNoSecretsOfB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The platform, tenancy, auth (users, roles, sessions) and the notes fixture module (row-level security is its only filter). */

export interface AuthObjects {
  /** A customer of the tenant, with a session and a pending e-mail verification. */
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly refreshToken: string;
  readonly verificationToken: string;
  readonly noteId: string;
  readonly noteBody: string;
}

/** Tenant roles B defines (A has none of these names when the routes run). */
export const B_ROLE = 'b_support';
export const B_FLAG = 'b-flag';

/** A tenant's public feature flags as its storefront reads them. */
const storeFlagsOf = async (w: World, side: { tenant: { id: string } }) =>
  (await w.call('GET', '/api/v1/store/feature-flags?subject=s', { 'x-tenant-id': side.tenant.id })).json<{
    flags: Record<string, boolean>;
  }>();

export const noteIds = (db: Database, tenantId: string) =>
  db.transaction(async (tx) => (await tx.query<{ id: string }>('SELECT id FROM notes')).rows.map((r) => r.id), { tenantId });

const auth = (side: Side): AuthObjects => platformAuth.of(side);
const noteOfB = { id: (w: World) => auth(w.b).noteId };

export const platformAuth: Area<AuthObjects> = defineArea<AuthObjects>({
  name: 'platform-auth',
  async setup({ p, side, role, call }) {
    const { tenant, admin } = side;
    const email = `user-${generateId().slice(-8)}@${tenant.slug}.example.com`;
    const user = await p.userWithToken(tenant.id, ['customer'], email);
    const password = 'correct horse battery'; // the test kit's password
    const noteBody = `note of ${tenant.slug} ${generateId()}`;
    const note = await call('POST', '/api/v1/notes', admin, { body: noteBody });
    expect(note.statusCode, note.body).toBe(201);
    const login = await call('POST', '/api/v1/auth/login', { 'x-tenant-id': tenant.id }, { email, password });
    expect(login.statusCode, login.body).toBe(200);
    // Tenant roles of B's own, that A must neither see nor delete.
    if (role === 'b') {
      for (const name of [B_ROLE, `${B_ROLE}_only`]) {
        expect((await call('PUT', `/api/v1/auth/roles/${name}`, admin, { permissions: ['notes.items.read'] })).statusCode).toBe(200);
      }
      // Feature flags of B's own, a public one and a staff-only one, that A must neither see, change nor delete.
      for (const [key, flag] of [
        [B_FLAG, { enabled: true, public: true }],
        [`${B_FLAG}-staff`, { enabled: true }],
      ] as const)
        expect((await call('PUT', `/api/v1/settings/feature-flags/${key}`, admin, flag)).statusCode).toBe(200);
    }
    // A tenant_modules row of the tenant's own (enabling an enabled module writes one).
    expect((await call('PUT', '/api/v1/modules/notes', admin, { enabled: true })).statusCode).toBe(200);
    const verificationToken = await p.database.db.transaction((tx) => createEmailVerification(tx, user.userId, Date.now()), {
      tenantId: tenant.id,
    });
    return {
      userId: user.userId,
      email,
      password,
      refreshToken: login.json<{ refreshToken: string }>().refreshToken,
      verificationToken,
      noteId: note.json<{ id: string }>().id,
      noteBody,
    };
  },
  secretsOf: (o) => [o.userId, o.noteId, o.noteBody, o.refreshToken],
  tablesWithData: ['notes', 'users', 'user_roles', 'refresh_tokens', 'tenant_modules'],
  routes: {
    'GET /graphql': { kind: 'graphql' },
    'POST /graphql': { kind: 'graphql' },
    // events (platform)
    // the error catalogue: public, the same for every tenant
    'GET /api/v1/errors': { kind: 'public' },
    // the event catalogue: public, the same for every tenant
    'GET /api/v1/events': { kind: 'public' },
    'GET /api/v1/events/{type}/{version}': { kind: 'public', url: '/api/v1/events/commerce.order.placed/v1' },
    'GET /api/v1/admin/events/stats': { kind: 'platform' },
    'GET /api/v1/admin/events/dlq': { kind: 'platform' },
    'POST /api/v1/admin/events/dlq/{id}/replay': { kind: 'platform', paramsOfB: { id: () => generateId() } },
    // platform
    'POST /api/v1/platform/tenants': { kind: 'platform' },
    'GET /api/v1/platform/tenants': { kind: 'platform' },
    'GET /api/v1/platform/tenants/{id}': { kind: 'platform', paramsOfB: { id: (w) => w.b.tenant.id } },
    'PATCH /api/v1/platform/tenants/{id}': { kind: 'platform', paramsOfB: { id: (w) => w.b.tenant.id }, body: () => ({ isActive: false }) },
    // tenancy
    'GET /api/v1/modules': { kind: 'tenant' },
    'PUT /api/v1/modules/{slug}': {
      kind: 'tenant',
      // Modules have no tenant in their name: A switching one off must change A only.
      paramsOfB: { slug: () => 'notes' },
      body: () => ({ enabled: false }),
      status: 200,
      after: async (w, res) => {
        expect(res.json()).toMatchObject({ slug: 'notes', enabled: false });
        expect((await w.call('GET', '/api/v1/notes', w.a.admin)).statusCode).toBe(404);
        const ofB = await w.call('GET', '/api/v1/notes', w.b.admin);
        expect(ofB.statusCode).toBe(200);
        expect(ofB.body).toContain(auth(w.b).noteId);
        const modulesOfB = (await w.call('GET', '/api/v1/modules', w.b.admin)).json<{ slug: string; enabled: boolean }[]>();
        expect(modulesOfB.find((m) => m.slug === 'notes')?.enabled).toBe(true);
        expect((await w.call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: true })).statusCode).toBe(200);
      },
    },
    // tenant-wide settings: the tenant has no name in the path; A's change must stay A's
    'GET /api/v1/settings/locales': {
      kind: 'tenant',
      public: true,
      after: async (_w, res) => {
        expect(res.json()).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
      },
    },
    'PUT /api/v1/settings/locales': {
      kind: 'tenant',
      body: () => ({ defaultLocale: 'de', supportedLocales: ['de', 'en'] }),
      status: 200,
      after: async (w, res) => {
        expect(res.json()).toEqual({ defaultLocale: 'de', supportedLocales: ['de', 'en'] });
        const ofB = await w.call('GET', '/api/v1/settings/locales', { 'x-tenant-id': w.b.tenant.id });
        expect(ofB.json()).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
        const reset = await w.call('PUT', '/api/v1/settings/locales', w.a.admin, { defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
        expect(reset.statusCode).toBe(200);
      },
    },
    'GET /api/v1/settings/storefront': {
      kind: 'tenant',
      after: async (_w, res) => {
        expect(res.json()).toEqual({});
      },
    },
    'PUT /api/v1/settings/storefront': {
      kind: 'tenant',
      body: () => ({ name: 'Shop of A', colors: { primary: '#112233' } }),
      status: 200,
      after: async (w, res) => {
        expect(res.json()).toEqual({ name: 'Shop of A', colors: { primary: '#112233' } });
        const ofB = await w.call('GET', '/api/v1/store/settings', { 'x-tenant-id': w.b.tenant.id });
        expect(ofB.json<{ tenant: { id: string }; storefront: unknown }>()).toMatchObject({
          tenant: { id: w.b.tenant.id },
          storefront: {},
        });
        const reset = await w.call('PUT', '/api/v1/settings/storefront', w.a.admin, {});
        expect(reset.statusCode).toBe(200);
      },
    },
    // feature flags: keyed by name, no tenant in the path; A's flags stay A's, B's are never shown to A
    'GET /api/v1/settings/feature-flags': {
      kind: 'tenant',
      after: async (_w, res) => {
        expect(res.json<{ items: { key: string }[] }>().items.filter((f) => f.key.startsWith(B_FLAG))).toEqual([]);
      },
    },
    'PUT /api/v1/settings/feature-flags/{key}': {
      kind: 'tenant',
      paramsOfB: { key: () => B_FLAG },
      body: () => ({ enabled: false, public: true }),
      status: 200,
      after: async (w) => {
        expect((await storeFlagsOf(w, w.b)).flags).toEqual({ [B_FLAG]: true });
        expect((await storeFlagsOf(w, w.a)).flags).toEqual({ [B_FLAG]: false });
        expect((await w.call('DELETE', `/api/v1/settings/feature-flags/${B_FLAG}`, w.a.admin)).statusCode).toBe(204);
        expect((await storeFlagsOf(w, w.b)).flags).toEqual({ [B_FLAG]: true });
      },
    },
    'DELETE /api/v1/settings/feature-flags/{key}': {
      kind: 'tenant',
      paramsOfB: { key: () => B_FLAG },
      after: async (w, res) => {
        expect(res.json<{ code: string }>().code).toBe('FEATURE_FLAG_NOT_FOUND');
        expect((await storeFlagsOf(w, w.b)).flags).toEqual({ [B_FLAG]: true });
      },
    },
    'GET /api/v1/store/feature-flags': {
      kind: 'tenant',
      public: true,
      after: async (_w, res) => {
        expect(Object.keys(res.json<{ flags: Record<string, boolean> }>().flags)).toEqual([]);
      },
    },
    // the public storefront settings name the tenant asked for, never another
    'GET /api/v1/store/settings': {
      kind: 'tenant',
      public: true,
      after: async (w, res) => {
        expect(res.json<{ tenant: { id: string } }>().tenant.id).toBe(w.a.tenant.id);
      },
    },
    // auth (tenant-scoped, mostly public)
    'POST /api/v1/auth/register': {
      kind: 'tenant',
      public: true,
      // B's address is free in A: no 409 (that would tell A who is a user of B).
      body: (w) => ({ email: auth(w.b).email, password: 'a different password 42' }),
      status: 201,
      after: async (w, res) => {
        expect(res.json<{ user: { tenantId: string } }>().user.tenantId).toBe(w.a.tenant.id);
      },
    },
    'POST /api/v1/auth/verify-email': {
      kind: 'tenant',
      public: true,
      body: (w) => ({ token: auth(w.b).verificationToken }),
      status: 400,
      code: 'AUTH_VERIFICATION_INVALID',
    },
    'POST /api/v1/auth/login': {
      kind: 'tenant',
      public: true,
      body: (w) => ({ email: auth(w.b).email, password: auth(w.b).password }),
      status: 401,
      code: 'AUTH_INVALID_CREDENTIALS',
      after: async (w) => {
        // Enough failures in A to lock A's account of that address; B's account must stay usable (checked at the end).
        for (let i = 0; i < w.p.config.auth.lockout_threshold; i++) {
          const res = await w.call(
            'POST',
            '/api/v1/auth/login',
            { 'x-tenant-id': w.a.tenant.id },
            { email: auth(w.b).email, password: 'wrong' },
          );
          expect([401, 403, 429]).toContain(res.statusCode);
        }
      },
    },
    'POST /api/v1/auth/refresh': { kind: 'tenant', public: true, body: (w) => ({ refreshToken: auth(w.b).refreshToken }), status: 401 },
    // Whatever it answers, B's session must survive (checked with B's snapshot and by refreshing it at the end).
    'POST /api/v1/auth/logout': { kind: 'tenant', public: true, body: (w) => ({ refreshToken: auth(w.b).refreshToken }) },
    'GET /api/v1/auth/me': {
      kind: 'tenant',
      after: async (w, res) => {
        expect(res.json()).toMatchObject({ id: w.a.adminId, tenantId: w.a.tenant.id });
      },
    },
    // users and roles of the tenant
    'GET /api/v1/auth/users': {
      kind: 'tenant',
      after: async (w, res) => {
        expect(res.json<{ items: { id: string }[] }>().items.map((u) => u.id)).toContain(w.a.adminId);
      },
    },
    'POST /api/v1/auth/users': {
      kind: 'tenant',
      // B's address is free in A: created in A, B untouched.
      body: (w) => ({ email: `admin@${w.b.tenant.slug}.example.com`, password: 'yet another password', roles: ['editor'] }),
      status: 201,
      after: async (w, res) => {
        expect(res.json<{ tenantId: string }>().tenantId).toBe(w.a.tenant.id);
      },
    },
    'GET /api/v1/auth/users/{id}': refusedRoute({ id: (w) => w.b.adminId }, 'AUTH_USER_NOT_FOUND'),
    'PUT /api/v1/auth/users/{id}/roles': refusedRoute({ id: (w) => w.b.adminId }, 'AUTH_USER_NOT_FOUND', {
      body: () => ({ roles: ['customer'] }),
    }),
    'PATCH /api/v1/auth/users/{id}': refusedRoute({ id: (w) => auth(w.b).userId }, 'AUTH_USER_NOT_FOUND', {
      body: () => ({ status: 'disabled' }),
    }),
    'GET /api/v1/auth/roles': {
      kind: 'tenant',
      after: async (_w, res) => {
        expect(res.json<{ name: string }[]>().map((r) => r.name)).not.toContain(B_ROLE);
      },
    },
    // the deployment's permission catalogue: the same for every tenant, with nothing of B
    'GET /api/v1/auth/permissions': {
      kind: 'tenant',
      after: async (_w, res) => {
        const modules = res.json<{ module: string; permissions: string[] }[]>();
        expect(modules.find((m) => m.module === 'notes')?.permissions).toContain('notes.items.read');
        expect(modules.map((m) => m.module)).not.toContain('platform');
      },
    },
    'PUT /api/v1/auth/roles/{name}': {
      kind: 'tenant',
      // Same name as B's own role: A gets a role of its own, B's stays as it was (snapshot).
      paramsOfB: { name: () => B_ROLE },
      body: () => ({ permissions: ['notes.items.read'] }),
      status: 200,
    },
    'DELETE /api/v1/auth/roles/{name}': refusedRoute({ name: () => `${B_ROLE}_only` }, 'AUTH_ROLE_NOT_FOUND'),
    // notes (fixture module: RLS is its only filter)
    'GET /api/v1/notes': {
      kind: 'tenant',
      after: async (w, res) => {
        expect(res.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(auth(w.a).noteId);
      },
    },
    'POST /api/v1/notes': {
      kind: 'tenant',
      body: () => ({ body: 'written by A' }),
      status: 201,
      after: async (w, res) => {
        const id = res.json<{ id: string }>().id;
        expect(await noteIds(w.p.database.db, w.a.tenant.id)).toContain(id);
        expect(await noteIds(w.p.database.db, w.b.tenant.id)).not.toContain(id);
      },
    },
    'GET /api/v1/notes/{id}': refusedRoute(noteOfB, 'NOTES_NOT_FOUND'),
    'PATCH /api/v1/notes/{id}': refusedRoute(noteOfB, 'NOTES_NOT_FOUND', { body: () => ({ body: 'changed by A' }) }),
    'DELETE /api/v1/notes/{id}': refusedRoute(noteOfB, 'NOTES_NOT_FOUND'),
  },
  graphql: {
    'Query.modules': async (w) => {
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, '{ modules { slug } }');
      expect(reply.errors).toBeUndefined();
      expectNoSecretsOfB(w, reply.text);
    },
    'Query.tenantLocales': async (w) => {
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, '{ tenantLocales { defaultLocale supportedLocales } }');
      expect(reply.data?.tenantLocales).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.setTenantLocales': async (w) => {
      const mutation =
        'mutation ($d: String!, $s: [String!]!) { setTenantLocales(defaultLocale: $d, supportedLocales: $s) { defaultLocale } }';
      const reply = await w.gql(w.a.admin, mutation, { d: 'de', s: ['de'] });
      expect(reply.data?.setTenantLocales).toEqual({ defaultLocale: 'de' });
      const ofB = await w.gql({ 'x-tenant-id': w.b.tenant.id }, '{ tenantLocales { defaultLocale supportedLocales } }');
      expect(ofB.data?.tenantLocales).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'ru'] });
      expect((await w.gql(w.a.admin, mutation, { d: 'en', s: ['en', 'ru'] })).errors).toBeUndefined();
    },
    'Query.storefrontSettings': async (w) => {
      const reply = await w.gql(w.a.admin, '{ storefrontSettings { name colors { primary } localeCurrencies { locale currency } } }');
      expect(reply.data?.storefrontSettings).toEqual({ name: null, colors: { primary: null }, localeCurrencies: [] });
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.setStorefrontSettings': async (w) => {
      const mutation =
        'mutation ($input: StorefrontSettingsInput!) { setStorefrontSettings(input: $input) { name localeCurrencies { locale currency } } }';
      const input = { name: 'A shop', localeCurrencies: [{ locale: 'ru', currency: 'RUB' }] };
      const reply = await w.gql(w.a.admin, mutation, { input });
      expect(reply.data?.setStorefrontSettings).toEqual({ name: 'A shop', localeCurrencies: [{ locale: 'ru', currency: 'RUB' }] });
      const ofB = await w.gql(w.b.admin, '{ storefrontSettings { name } }');
      expect(ofB.data?.storefrontSettings).toEqual({ name: null });
      expect((await w.gql(w.a.admin, mutation, { input: {} })).errors).toBeUndefined();
    },
    'Query.featureFlags': async (w) => {
      const reply = await w.gql(w.a.admin, '{ featureFlags { key } }');
      expect(reply.data?.featureFlags, reply.text).toEqual([]);
    },
    'Query.storeFeatureFlags': async (w) => {
      const reply = await w.gql({ 'x-tenant-id': w.a.tenant.id }, '{ storeFeatureFlags(subject: "s") { key on } }');
      expect(reply.data?.storeFeatureFlags, reply.text).toEqual([]);
    },
    'Mutation.setFeatureFlag': async (w) => {
      const reply = await w.gql(
        w.a.admin,
        `mutation { setFeatureFlag(key: "${B_FLAG}", input: { enabled: false, public: true }) { key } }`,
      );
      expect(reply.data?.setFeatureFlag, reply.text).toEqual({ key: B_FLAG });
      expect((await storeFlagsOf(w, w.b)).flags).toEqual({ [B_FLAG]: true });
      expect((await w.gql(w.a.admin, `mutation { deleteFeatureFlag(key: "${B_FLAG}") }`)).data?.deleteFeatureFlag).toBe(true);
    },
    'Mutation.deleteFeatureFlag': async (w) => {
      const reply = await w.gql(w.a.admin, `mutation { deleteFeatureFlag(key: "${B_FLAG}") }`);
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['FEATURE_FLAG_NOT_FOUND']);
      expect((await storeFlagsOf(w, w.b)).flags).toEqual({ [B_FLAG]: true });
    },
    'Query.note': async (w) => {
      const query = 'query ($id: ID!) { note(id: $id) { id body } }';
      const own = await w.gql(w.a.admin, query, { id: auth(w.a).noteId });
      expect(own.data?.note).toMatchObject({ id: auth(w.a).noteId });
      const reply = await w.gql(w.a.admin, query, { id: auth(w.b).noteId });
      if (reply.errors) expect(reply.errors.map((e) => e.extensions?.code)).toEqual(['NOTES_NOT_FOUND']);
      else expect(reply.data?.note).toBeNull();
      expectNoSecretsOfB(w, reply.text, [auth(w.b).noteId]);
    },
    'Query.notes': async (w) => {
      const reply = await w.gql(w.a.admin, '{ notes { id } }');
      expect(reply.errors).toBeUndefined();
      const ids = ((reply.data?.notes ?? []) as { id: string }[]).map((n) => n.id);
      expect(ids).toContain(auth(w.a).noteId);
      expect(ids.sort()).toEqual((await noteIds(w.p.database.db, w.a.tenant.id)).sort());
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.deleteNote': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($id: ID!) { deleteNote(id: $id) }', { id: auth(w.b).noteId });
      if (reply.errors) expect(reply.errors.map((e) => e.extensions?.code)).toEqual(['NOTES_NOT_FOUND']);
      else expect(reply.data?.deleteNote).toBe(false);
      expect(await noteIds(w.p.database.db, w.b.tenant.id)).toContain(auth(w.b).noteId);
    },
  },
});
