import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateId, type TenantRef } from '@rustok/kernel';
import { createToolRegistry } from '@rustok/mcp';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, type TestBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesModule } from '../fixtures/isolation/notes-module.js';
import { expectNoSecretsOfB } from './checks.js';
import { PLATFORM_TABLES_WITHOUT_RLS, snapshotOf, tenantTables } from './database.js';
import { AREAS, GRAPHQL_FIELDS, MCP_TOOLS, ROUTES, TENANT_TABLES_WITH_DATA } from './index.js';
import { bodyFor, type OpenApiDoc, routesOf, splitKey, urlWithIdsOfB } from './openapi.js';
import { noteIds, platformAuth } from './platform-auth.js';
import type { Gql, GraphQLReply, Side, World } from './world.js';

/**
 * Tenant isolation across the whole surface. Every REST route of the OpenAPI document and every
 * GraphQL root field must have an entry in one of the areas of ./isolation (listed in its index),
 * or the suite fails: a module that adds a route has to say how B's objects are named in it and
 * what A may do with them.
 *
 * Tenant A's administrator calls every tenant route with tenant B's identifiers; B's objects must
 * be missing (404), lists must not show them, and B's rows must not change. Underneath, the SQL
 * tests prove that row-level security alone (no application filter) keeps tenants apart.
 */

/** Objects of the platform and auth area (a customer with a session, a note) of a side. */
const auth = (side: Side) => platformAuth.of(side);

/** The suite on one backend; each backend's run is a test file of its own (isolation-*.test.ts), so the two run side by side. */
export const isolationSuite = (backend: TestBackend) =>
  describe('surface', () => {
    let p: TestPlatform;
    let w: World;
    let doc: OpenApiDoc;
    let snapshotOfB: Record<string, string[]>;
    let mediaRoot: string | undefined;

    const call: World['call'] = (method, url, headers = {}, payload) =>
      p.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

    const gql: Gql = async (headers, query, variables) => {
      const res = await call('POST', '/graphql', headers, { query, variables });
      return { ...res.json<GraphQLReply>(), text: res.body };
    };

    /** A tenant with its admin, then each area's objects of it, in the order of AREAS. */
    const side = async (slug: string, role: 'a' | 'b'): Promise<Side> => {
      const tenant: TenantRef = await p.createTenant(slug);
      const admin = await p.userWithToken(tenant.id, ['admin'], `admin@${slug}.example.com`);
      const objects = new Map<string, unknown>();
      const self: Side = { tenant, adminId: admin.userId, admin: admin.headers, token: admin.token, objects };
      const created = async (url: string, payload?: unknown) => {
        const res = await call('POST', url, admin.headers, payload);
        expect(res.statusCode, res.body).toBeLessThan(300);
        return res.json<{ id: string }>().id;
      };
      for (const area of AREAS) {
        if (objects.has(area.name)) throw new Error(`two areas are named ${area.name}`);
        objects.set(area.name, await area.setup({ p, side: self, role, call, created }));
      }
      return self;
    };

    /** Identifiers and contents of B that nothing shown to A may contain (unless A sent them itself). */
    const secretsOf = (b: Side): string[] => [b.tenant.id, b.adminId, ...AREAS.flatMap((area) => area.secretsOf?.(area.of(b)) ?? [])];

    beforeAll(async () => {
      // The deployment's own modules too, so their routes and fields must be in the areas' entries.
      // Webhook deliveries and mails are queued, not sent (their runs would change B's rows while A calls).
      // Media files go to a temporary folder of the suite.
      mediaRoot = await mkdtemp(join(tmpdir(), 'rustok-iso-media-'));
      const media = { local: { root: mediaRoot } };
      // Live inbox streams end after a moment, so a call to the stream route returns.
      const notifications = {
        webhooks: { deliver: false },
        mail: { smtp: { host: '127.0.0.1', port: 9 }, deliver: false },
        inbox: { stream_max_ms: 100 },
      };
      // Queued script runs (event and cron triggers) are not run either. The areas' setups run scripts
      // once; a busy machine stretches a first run's time in the VM past the default 50 ms budget.
      const scripting = { run_queued: false, workers_idle: false, limits: { cpu_ms: 5_000, wall_ms: 20_000 } };
      const config = { settings: { rustok: { notifications, media, scripting } } };
      p = await createTestPlatform({ backend, modules: [...builtInModules, notesModule], config });
      const a = await side('iso-a', 'a');
      const b = await side('iso-b', 'b');
      w = { p, a, b, call, gql, secretsOfB: secretsOf(b) };
      doc = (await call('GET', '/swagger/json')).json<OpenApiDoc>();
      snapshotOfB = await snapshotOf(p.database.db, b.tenant.id);
    });
    afterAll(async () => {
      await p?.close();
      if (mediaRoot) await rm(mediaRoot, { recursive: true, force: true });
    });

    it('has an entry for every route of the OpenAPI document, and no stale one', () => {
      const documented = routesOf(doc).sort();
      const covered = Object.keys(ROUTES).sort();
      expect(
        documented.filter((r) => !covered.includes(r)),
        'routes without an entry in an area of ./isolation (add them: platform or tenant, with paramsOfB)',
      ).toEqual([]);
      expect(
        covered.filter((r) => !documented.includes(r)),
        'entries in the areas for routes the document does not have',
      ).toEqual([]);
    });

    for (const [key, route] of Object.entries(ROUTES)) {
      const title = {
        platform: "a tenant's admin is refused",
        public: 'the same public answer for anyone, with nothing of B',
        tenant: "A's admin cannot reach B's data",
        graphql: "A's token is refused for B",
      };
      it(`${key}: ${title[route.kind]}`, async () => {
        const { method, path } = splitKey(key);
        expect(doc.paths[path]?.[method.toLowerCase()], `${key} is not in the OpenAPI document`).toBeDefined();
        if (route.kind === 'graphql') {
          const query = '{ notes { id body } }';
          const crossedHeaders = { authorization: `Bearer ${w.a.token}`, 'x-tenant-id': w.b.tenant.id };
          const res =
            method === 'GET'
              ? await call('GET', `${path}?query=${encodeURIComponent(query)}`, crossedHeaders)
              : await call(method, path, crossedHeaders, { query });
          // Refused either as HTTP 401 or as a GraphQL error with no data.
          if (res.statusCode !== 401) {
            expect(res.json<GraphQLReply>(), res.body).toMatchObject({
              data: null,
              errors: [{ extensions: { code: 'AUTH_TOKEN_INVALID' } }],
            });
          }
          expectNoSecretsOfB(w, res.body);
          return;
        }
        if (route.kind === 'public') {
          const anonymous = await call(method, route.url ?? path);
          const asA = await call(method, route.url ?? path, { ...w.a.admin, 'x-tenant-id': w.b.tenant.id });
          expect(anonymous.statusCode, `${key} without a token: ${anonymous.body}`).toBe(200);
          expect(asA.statusCode, `${key} as A's admin naming B: ${asA.body}`).toBe(200);
          expect(asA.body).toBe(anonymous.body);
          expectNoSecretsOfB(w, asA.body);
          return;
        }
        const query = route.kind === 'tenant' && route.query ? `?${route.query(w)}` : '';
        const url = urlWithIdsOfB(w, key, path, route.paramsOfB) + query;
        const body = bodyFor(w, doc, key, route);
        const extra = route.kind === 'tenant' ? (route.headers?.(w) ?? {}) : {};
        const sent = [url, JSON.stringify(body ?? null), ...Object.values(extra)];

        // Without a token: 401, except for the public routes (not called anonymously: they would act).
        if (route.kind === 'platform' || !route.public) {
          const anonymous = await call(method, url, { ...extra, 'x-tenant-id': w.a.tenant.id }, body);
          expect(anonymous.statusCode, `${key} without a token: ${anonymous.body}`).toBe(401);
        }

        if (route.kind === 'platform') {
          const res = await call(method, url, w.a.admin, body);
          expect(res.statusCode, `${key} as A's admin: ${res.body}`).toBe(403);
          expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
          return;
        }

        // A's token presented for tenant B: the token belongs to another tenant.
        const crossed = await call(method, url, { ...extra, authorization: `Bearer ${w.a.token}`, 'x-tenant-id': w.b.tenant.id }, body);
        expect(crossed.statusCode, `${key} with A's token for tenant B: ${crossed.body}`).toBe(401);

        const res = await call(method, url, { ...extra, ...w.a.admin }, body);
        const namesObjectsOfB = path.includes('{');
        const status = route.status ?? (namesObjectsOfB ? 404 : method === 'GET' ? 200 : undefined);
        if (status === undefined) expect(res.statusCode, `${key} as A's admin: ${res.body}`).toBeLessThan(300);
        else expect(res.statusCode, `${key} as A's admin: ${res.body}`).toBe(status);
        expect(res.statusCode, `${key}: never 403 for another tenant's object`).not.toBe(403);
        if (route.code) expect(res.json()).toMatchObject({ code: route.code });
        expectNoSecretsOfB(w, res.body, sent);
        expectNoSecretsOfB(w, crossed.body, sent);
        await route.after?.(w, res);
      });
    }

    it('has an entry for every GraphQL root field, and no stale one', async () => {
      const reply = await gql(w.a.admin, '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
      const schema = reply.data?.__schema as {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] } | null;
      };
      const fields = [
        ...schema.queryType.fields.map((f) => `Query.${f.name}`),
        ...(schema.mutationType?.fields ?? []).map((f) => `Mutation.${f.name}`),
      ].sort();
      const covered = Object.keys(GRAPHQL_FIELDS).sort();
      expect(
        fields.filter((f) => !covered.includes(f)),
        'GraphQL root fields without an entry in an area of ./isolation',
      ).toEqual([]);
      expect(
        covered.filter((f) => !fields.includes(f)),
        'entries in the areas for GraphQL fields the schema does not have',
      ).toEqual([]);
    });

    for (const [field, check] of Object.entries(GRAPHQL_FIELDS)) {
      it(`GraphQL ${field}: A's admin cannot reach B's data`, async () => {
        await check(w);
      });
    }

    it('has an entry for every MCP tool the modules declare, and no stale one', () => {
      const declared = [...createToolRegistry(p.registry.modules).tools.keys()].sort();
      const covered = Object.keys(MCP_TOOLS).sort();
      expect(
        declared.filter((t) => !covered.includes(t)),
        'MCP tools without an entry in an area of ./isolation',
      ).toEqual([]);
      expect(
        covered.filter((t) => !declared.includes(t)),
        'entries for MCP tools no module declares',
      ).toEqual([]);
    });

    for (const [tool, check] of Object.entries(MCP_TOOLS)) {
      it(`MCP ${tool}: A's token is refused for B, and A's admin cannot reach B's data`, async () => {
        await check(w);
      });
    }

    it('GraphQL fields of a module A switched off answer as absent for A, and still work for B', async () => {
      expect((await call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: false })).statusCode).toBe(200);
      try {
        const ofB = await gql(w.b.admin, '{ notes { id } }');
        expect(ofB.errors).toBeUndefined();
        expect(ofB.text).toContain(auth(w.b).noteId);
        const ofA = await gql(w.a.admin, '{ notes { id } }');
        expect(ofA.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_FIELD_NOT_FOUND']);
      } finally {
        expect((await call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: true })).statusCode).toBe(200);
      }
    });

    it("left every row of B as it was, and B's session and account still work", async () => {
      expect(await snapshotOf(p.database.db, w.b.tenant.id)).toEqual(snapshotOfB);
      const refreshed = await call(
        'POST',
        '/api/v1/auth/refresh',
        { 'x-tenant-id': w.b.tenant.id },
        { refreshToken: auth(w.b).refreshToken },
      );
      expect(refreshed.statusCode, refreshed.body).toBe(200);
      const login = await call(
        'POST',
        '/api/v1/auth/login',
        { 'x-tenant-id': w.b.tenant.id },
        { email: auth(w.b).email, password: auth(w.b).password },
      );
      expect(login.statusCode, `B's user after failed logins under the same address in A: ${login.body}`).toBe(200);
      expect(login.json<{ user: { id: string } }>().user.id).toBe(auth(w.b).userId);
    });

    // --- row-level security alone, with no application filter ----------------------------------

    it('shows a transaction of tenant A only rows of A, with no WHERE clause at all', async () => {
      const db = p.database.db;
      for (const table of TENANT_TABLES_WITH_DATA) {
        const ofB = await db.transaction(async (tx) => (await tx.query<{ tenant_id: string }>(`SELECT * FROM ${table}`)).rows, {
          tenantId: w.b.tenant.id,
        });
        expect(ofB.length, `${table} has rows of B`).toBeGreaterThan(0);
        const seen = await db.transaction(async (tx) => (await tx.query<{ tenant_id: string }>(`SELECT * FROM ${table}`)).rows, {
          tenantId: w.a.tenant.id,
        });
        expect(seen.length, `${table} has rows of A`).toBeGreaterThan(0);
        expect(new Set(seen.map((r) => r.tenant_id)), table).toEqual(new Set([w.a.tenant.id]));
      }
      // And every other tenant table with row-level security.
      for (const { table } of (await tenantTables(db)).filter((t) => t.rls)) {
        const tenants = await db.transaction(
          async (tx) => (await tx.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${table}`)).rows.map((r) => r.tenant_id),
          { tenantId: w.a.tenant.id },
        );
        expect(
          tenants.filter((t) => t !== w.a.tenant.id),
          table,
        ).toEqual([]);
      }
    });

    it('lets an UPDATE with no WHERE clause touch only rows of A', async () => {
      const db = p.database.db;
      const before = await noteIds(db, w.a.tenant.id);
      const touched = await db.transaction(
        async (tx) => (await tx.query<{ id: string; tenant_id: string }>("UPDATE notes SET body = 'x' RETURNING id, tenant_id")).rows,
        { tenantId: w.a.tenant.id },
      );
      expect(touched.map((r) => r.id).sort()).toEqual(before.sort());
      expect(new Set(touched.map((r) => r.tenant_id))).toEqual(new Set([w.a.tenant.id]));
      const bodiesOfB = await db.transaction(async (tx) => (await tx.query<{ body: string }>('SELECT body FROM notes')).rows, {
        tenantId: w.b.tenant.id,
      });
      expect(bodiesOfB).toEqual([{ body: auth(w.b).noteBody }]);
      const deleted = await db.transaction(
        async (tx) => (await tx.query('DELETE FROM notes WHERE tenant_id = $1 RETURNING id', [w.b.tenant.id])).rows,
        {
          tenantId: w.a.tenant.id,
        },
      );
      expect(deleted).toEqual([]);
    });

    it('refuses to write a row of B from a transaction of A', async () => {
      const db = p.database.db;
      const inA = (sql: string, params: unknown[]) => db.transaction((tx) => tx.query(sql, params), { tenantId: w.a.tenant.id });
      await expect(
        inA('INSERT INTO notes (id, tenant_id, body) VALUES ($1, $2, $3)', [generateId(), w.b.tenant.id, 'planted']),
      ).rejects.toThrow(/row-level security/);
      await expect(inA('UPDATE notes SET tenant_id = $1', [w.b.tenant.id])).rejects.toThrow(/row-level security/);
      await expect(
        inA('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, $3)', [w.b.tenant.id, auth(w.b).userId, 'super_admin']),
      ).rejects.toThrow(/row-level security/);
      expect(await noteIds(db, w.b.tenant.id)).toEqual([auth(w.b).noteId]);
    });

    it('shows no tenant rows at all outside a tenant transaction', async () => {
      const db = p.database.db;
      for (const { table } of (await tenantTables(db)).filter((t) => t.rls)) {
        expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows, table).toEqual([{ n: 0 }]);
        const inPlainTx = await db.transaction(
          async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows,
        );
        expect(inPlainTx, `${table} in a transaction without a tenant`).toEqual([{ n: 0 }]);
      }
    });

    it('has row-level security enabled, forced and tenant-bound on every table with a tenant_id, but the known platform tables', async () => {
      const db = p.database.db;
      const tables = await tenantTables(db);
      const names = tables.map((t) => t.table);
      expect(names).toEqual(expect.arrayContaining([...TENANT_TABLES_WITH_DATA, ...PLATFORM_TABLES_WITHOUT_RLS]));
      const tenantOwned = tables.filter((t) => !PLATFORM_TABLES_WITHOUT_RLS.includes(t.table));
      expect(
        tenantOwned.filter((t) => !t.rls || !t.forced),
        'tenant tables without ENABLE + FORCE ROW LEVEL SECURITY (use tenantRlsSql)',
      ).toEqual([]);
      const { rows: policies } = await db.query<{ table: string; permissive: string; qual: string | null; check: string | null }>(
        `SELECT tablename AS table, permissive, qual, with_check AS check FROM pg_policies WHERE schemaname = 'public'`,
      );
      for (const { table } of tenantOwned) {
        const own = policies.filter((p) => p.table === table);
        expect(own.length, `${table} has a policy`).toBeGreaterThan(0);
        // A permissive policy that does not compare with the transaction's tenant would open the table.
        for (const policy of own.filter((p) => p.permissive === 'PERMISSIVE')) {
          expect(policy.qual ?? '', `${table}: USING of its policy`).toMatch(/tenant_id = .*app\.tenant_id/);
          if (policy.check !== null) expect(policy.check, `${table}: WITH CHECK of its policy`).toMatch(/tenant_id = .*app\.tenant_id/);
        }
      }
    });
  });
