import { createEmailVerification } from '@rustok/auth';
import type { Database } from '@rustok/db';
import { generateId, type TenantRef } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notesModule } from './fixtures/isolation/notes-module.js';

/**
 * Tenant isolation across the whole surface. Every REST route of the OpenAPI document and every
 * GraphQL root field must have an entry in the tables below, or the suite fails: a module that
 * adds a route has to say how B's objects are named in it and what A may do with them.
 *
 * Tenant A's administrator calls every tenant route with tenant B's identifiers; B's objects must
 * be missing (404), lists must not show them, and B's rows must not change. Underneath, the SQL
 * tests prove that row-level security alone (no application filter) keeps tenants apart.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Response = LightMyRequestResponse;

interface Side {
  readonly tenant: TenantRef;
  readonly adminId: string;
  /** Bearer token of the tenant's admin and the tenant header. */
  readonly admin: Record<string, string>;
  readonly token: string;
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly noteId: string;
  readonly noteBody: string;
  readonly refreshToken: string;
  readonly verificationToken: string;
  readonly contentNodeId: string;
  readonly contentTitle: string;
  readonly contentRevisionId: string;
  readonly contentCategoryId: string;
  readonly blogPostId: string;
  readonly blogCommentId: string;
  readonly forumTopicId: string;
  readonly pageId: string;
  readonly menuId: string;
}

interface World {
  readonly p: TestPlatform;
  readonly a: Side;
  readonly b: Side;
  call(method: Method, url: string, headers?: Record<string, string>, payload?: unknown): Promise<Response>;
}

interface TenantRoute {
  readonly kind: 'tenant';
  /** Reachable without a token (still tenant-scoped). */
  readonly public?: boolean;
  /** B's value for each path parameter of the route. */
  readonly paramsOfB?: Readonly<Record<string, (w: World) => string>>;
  /** Request body; derived from the route's request schema (required properties) when absent. */
  readonly body?: (w: World) => unknown;
  /** Status for A's admin; by default 404 when the path names B's objects, else 200 for GET and 2xx otherwise. */
  readonly status?: number;
  readonly code?: string;
  /** Further checks after the call (and clean-up of A's side). */
  readonly after?: (w: World, res: Response) => Promise<void>;
}

interface PlatformRoute {
  /** `access.tenant: false`: platform administration, a tenant's admin gets 403. */
  readonly kind: 'platform';
  readonly paramsOfB?: Readonly<Record<string, (w: World) => string>>;
  readonly body?: (w: World) => unknown;
}

interface GraphQLRoute {
  /** The GraphQL endpoint: its fields are checked one by one from GRAPHQL_FIELDS. */
  readonly kind: 'graphql';
  readonly paramsOfB?: undefined;
  readonly body?: undefined;
}

type RouteCase = TenantRoute | PlatformRoute | GraphQLRoute;

const noteOfB = { id: (w: World) => w.b.noteId };
const contentNodeOfB = { id: (w: World) => w.b.contentNodeId };
const contentCategoryOfB = { id: (w: World) => w.b.contentCategoryId };
const pageOfB = { id: (w: World) => w.b.pageId };
const menuOfB = { id: (w: World) => w.b.menuId };
const contentNotFound = 'CONTENT_NODE_NOT_FOUND';
const blogPostOfB = { id: (w: World) => w.b.blogPostId };
const forumTopicOfB = { id: (w: World) => w.b.forumTopicId };
const listedIds = (res: Response) => res.json<{ items: { id: string }[] }>().items.map((n) => n.id);
/** Tenant roles B defines (A has none of these names when the routes run). */
const B_ROLE = 'b_support';

/** Every REST route of the OpenAPI document, keyed `METHOD /path/{param}`. */
const ROUTES: Readonly<Record<string, RouteCase>> = {
  'GET /graphql': { kind: 'graphql' },
  'POST /graphql': { kind: 'graphql' },
  // events (platform)
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
      expect(ofB.body).toContain(w.b.noteId);
      const modulesOfB = (await w.call('GET', '/api/v1/modules', w.b.admin)).json<{ slug: string; enabled: boolean }[]>();
      expect(modulesOfB.find((m) => m.slug === 'notes')?.enabled).toBe(true);
      expect((await w.call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: true })).statusCode).toBe(200);
    },
  },
  // auth (tenant-scoped, mostly public)
  'POST /api/v1/auth/register': {
    kind: 'tenant',
    public: true,
    // B's address is free in A: no 409 (that would tell A who is a user of B).
    body: (w) => ({ email: w.b.email, password: 'a different password 42' }),
    status: 201,
    after: async (w, res) => {
      expect(res.json<{ user: { tenantId: string } }>().user.tenantId).toBe(w.a.tenant.id);
    },
  },
  'POST /api/v1/auth/verify-email': {
    kind: 'tenant',
    public: true,
    body: (w) => ({ token: w.b.verificationToken }),
    status: 400,
    code: 'AUTH_VERIFICATION_INVALID',
  },
  'POST /api/v1/auth/login': {
    kind: 'tenant',
    public: true,
    body: (w) => ({ email: w.b.email, password: w.b.password }),
    status: 401,
    code: 'AUTH_INVALID_CREDENTIALS',
    after: async (w) => {
      // Enough failures in A to lock A's account of that address; B's account must stay usable (checked at the end).
      for (let i = 0; i < w.p.config.auth.lockout_threshold; i++) {
        const res = await w.call('POST', '/api/v1/auth/login', { 'x-tenant-id': w.a.tenant.id }, { email: w.b.email, password: 'wrong' });
        expect([401, 403, 429]).toContain(res.statusCode);
      }
    },
  },
  'POST /api/v1/auth/refresh': { kind: 'tenant', public: true, body: (w) => ({ refreshToken: w.b.refreshToken }), status: 401 },
  // Whatever it answers, B's session must survive (checked with B's snapshot and by refreshing it at the end).
  'POST /api/v1/auth/logout': { kind: 'tenant', public: true, body: (w) => ({ refreshToken: w.b.refreshToken }) },
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
  'GET /api/v1/auth/users/{id}': { kind: 'tenant', paramsOfB: { id: (w) => w.b.adminId }, code: 'AUTH_USER_NOT_FOUND' },
  'PUT /api/v1/auth/users/{id}/roles': {
    kind: 'tenant',
    paramsOfB: { id: (w) => w.b.adminId },
    body: () => ({ roles: ['customer'] }),
    code: 'AUTH_USER_NOT_FOUND',
  },
  'PATCH /api/v1/auth/users/{id}': {
    kind: 'tenant',
    paramsOfB: { id: (w) => w.b.userId },
    body: () => ({ status: 'disabled' }),
    code: 'AUTH_USER_NOT_FOUND',
  },
  'GET /api/v1/auth/roles': {
    kind: 'tenant',
    after: async (_w, res) => {
      expect(res.json<{ name: string }[]>().map((r) => r.name)).not.toContain(B_ROLE);
    },
  },
  'PUT /api/v1/auth/roles/{name}': {
    kind: 'tenant',
    // Same name as B's own role: A gets a role of its own, B's stays as it was (snapshot).
    paramsOfB: { name: () => B_ROLE },
    body: () => ({ permissions: ['notes.items.read'] }),
    status: 200,
  },
  'DELETE /api/v1/auth/roles/{name}': { kind: 'tenant', paramsOfB: { name: () => `${B_ROLE}_only` }, code: 'AUTH_ROLE_NOT_FOUND' },
  // notes (fixture module: RLS is its only filter)
  'GET /api/v1/notes': {
    kind: 'tenant',
    after: async (w, res) => {
      expect(res.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(w.a.noteId);
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
  'GET /api/v1/notes/{id}': { kind: 'tenant', paramsOfB: noteOfB, code: 'NOTES_NOT_FOUND' },
  'PATCH /api/v1/notes/{id}': { kind: 'tenant', paramsOfB: noteOfB, body: () => ({ body: 'changed by A' }), code: 'NOTES_NOT_FOUND' },
  'DELETE /api/v1/notes/{id}': { kind: 'tenant', paramsOfB: noteOfB, code: 'NOTES_NOT_FOUND' },
  // content (core module)
  'GET /api/v1/content/nodes': {
    kind: 'tenant',
    public: true,
    after: async (w, res) => {
      expect(res.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(w.a.contentNodeId);
    },
  },
  'POST /api/v1/content/nodes': {
    kind: 'tenant',
    body: (w) => ({ kind: 'post', title: w.b.contentTitle }),
    status: 201,
    after: async (w, res) => {
      const id = res.json<{ id: string }>().id;
      // Same title, same kind: A's slug must not be numbered because of B's node.
      expect(res.json<{ slug: string }>().slug).toBe(slugOf(w.b.contentTitle));
      expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).not.toContain(id);
      // B's title is one of B's secrets: A's copy goes again.
      expect((await w.call('DELETE', `/api/v1/content/nodes/${id}`, w.a.admin)).statusCode).toBe(204);
    },
  },
  'GET /api/v1/content/nodes/{id}': { kind: 'tenant', public: true, paramsOfB: contentNodeOfB, code: contentNotFound },
  'PATCH /api/v1/content/nodes/{id}': { kind: 'tenant', paramsOfB: contentNodeOfB, body: () => ({ title: 'by A' }), code: contentNotFound },
  'DELETE /api/v1/content/nodes/{id}': { kind: 'tenant', paramsOfB: contentNodeOfB, code: contentNotFound },
  'POST /api/v1/content/nodes/{id}/publish': { kind: 'tenant', paramsOfB: contentNodeOfB, code: contentNotFound },
  'POST /api/v1/content/nodes/{id}/transitions': {
    kind: 'tenant',
    paramsOfB: contentNodeOfB,
    body: () => ({ to: 'published' }),
    code: contentNotFound,
  },
  'PUT /api/v1/content/nodes/{id}/translations/{locale}': {
    kind: 'tenant',
    paramsOfB: { ...contentNodeOfB, locale: () => 'ru' },
    body: () => ({ title: 'от A' }),
    code: contentNotFound,
  },
  'GET /api/v1/content/nodes/{id}/revisions': { kind: 'tenant', paramsOfB: contentNodeOfB, code: contentNotFound },
  'POST /api/v1/content/nodes/{id}/revisions/{revisionId}/restore': {
    kind: 'tenant',
    paramsOfB: { ...contentNodeOfB, revisionId: (w) => w.b.contentRevisionId },
    code: contentNotFound,
  },
  'GET /api/v1/content/categories': {
    kind: 'tenant',
    public: true,
    after: async (w, res) => {
      expect(res.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(w.a.contentCategoryId);
    },
  },
  'POST /api/v1/content/categories': { kind: 'tenant', body: () => ({ name: 'Category of A' }), status: 201 },
  'PATCH /api/v1/content/categories/{id}': {
    kind: 'tenant',
    paramsOfB: contentCategoryOfB,
    body: () => ({ name: 'by A' }),
    code: 'CONTENT_CATEGORY_NOT_FOUND',
  },
  'DELETE /api/v1/content/categories/{id}': { kind: 'tenant', paramsOfB: contentCategoryOfB, code: 'CONTENT_CATEGORY_NOT_FOUND' },
  'GET /api/v1/content/tags': { kind: 'tenant', public: true },
  'POST /api/v1/content/tags': { kind: 'tenant', body: () => ({ name: 'tag of A' }), status: 201 },
  // blog (optional module over content)
  'GET /api/v1/blog/posts': {
    kind: 'tenant',
    public: true,
    after: async (w, res) => expect(listedIds(res)).toContain(w.a.blogPostId),
  },
  'POST /api/v1/blog/posts': { kind: 'tenant', body: () => ({ title: 'post of A' }), status: 201 },
  'GET /api/v1/blog/posts/{id}': { kind: 'tenant', public: true, paramsOfB: blogPostOfB, code: 'BLOG_POST_NOT_FOUND' },
  'PATCH /api/v1/blog/posts/{id}': { kind: 'tenant', paramsOfB: blogPostOfB, body: () => ({ title: 'by A' }), code: 'BLOG_POST_NOT_FOUND' },
  'DELETE /api/v1/blog/posts/{id}': { kind: 'tenant', paramsOfB: blogPostOfB, code: 'BLOG_POST_NOT_FOUND' },
  'POST /api/v1/blog/posts/{id}/publish': { kind: 'tenant', paramsOfB: blogPostOfB, code: 'BLOG_POST_NOT_FOUND' },
  'GET /api/v1/blog/posts/{id}/comments': { kind: 'tenant', public: true, paramsOfB: blogPostOfB, code: 'BLOG_POST_NOT_FOUND' },
  'POST /api/v1/blog/posts/{id}/comments': {
    kind: 'tenant',
    paramsOfB: blogPostOfB,
    body: () => ({ body: 'by A' }),
    code: 'BLOG_POST_NOT_FOUND',
  },
  'POST /api/v1/blog/posts/{id}/comments/{commentId}/moderate': {
    kind: 'tenant',
    paramsOfB: { ...blogPostOfB, commentId: (w) => w.b.blogCommentId },
    body: () => ({ status: 'approved' }),
    code: 'BLOG_POST_NOT_FOUND',
  },
  // forum (optional module over content)
  'GET /api/v1/forum/topics': {
    kind: 'tenant',
    public: true,
    after: async (w, res) => expect(listedIds(res)).toContain(w.a.forumTopicId),
  },
  'POST /api/v1/forum/topics': { kind: 'tenant', body: () => ({ title: 'topic of A' }), status: 201 },
  'GET /api/v1/forum/topics/{id}': { kind: 'tenant', public: true, paramsOfB: forumTopicOfB, code: 'FORUM_TOPIC_NOT_FOUND' },
  'PATCH /api/v1/forum/topics/{id}': {
    kind: 'tenant',
    paramsOfB: forumTopicOfB,
    body: () => ({ title: 'by A' }),
    code: 'FORUM_TOPIC_NOT_FOUND',
  },
  'DELETE /api/v1/forum/topics/{id}': { kind: 'tenant', paramsOfB: forumTopicOfB, code: 'FORUM_TOPIC_NOT_FOUND' },
  'POST /api/v1/forum/topics/{id}/pin': {
    kind: 'tenant',
    paramsOfB: forumTopicOfB,
    body: () => ({ pinned: true }),
    code: 'FORUM_TOPIC_NOT_FOUND',
  },
  'POST /api/v1/forum/topics/{id}/lock': {
    kind: 'tenant',
    paramsOfB: forumTopicOfB,
    body: () => ({ locked: true }),
    code: 'FORUM_TOPIC_NOT_FOUND',
  },
  'GET /api/v1/forum/topics/{id}/replies': { kind: 'tenant', public: true, paramsOfB: forumTopicOfB, code: 'FORUM_TOPIC_NOT_FOUND' },
  'POST /api/v1/forum/topics/{id}/replies': {
    kind: 'tenant',
    paramsOfB: forumTopicOfB,
    body: () => ({ body: 'by A' }),
    code: 'FORUM_TOPIC_NOT_FOUND',
  },
  // pages (optional module)
  'GET /api/v1/pages': { kind: 'tenant', public: true },
  'POST /api/v1/pages': { kind: 'tenant', body: () => ({ title: 'Page of A' }), status: 201 },
  'GET /api/v1/pages/{id}': { kind: 'tenant', public: true, paramsOfB: pageOfB, code: 'PAGES_PAGE_NOT_FOUND' },
  'PATCH /api/v1/pages/{id}': { kind: 'tenant', paramsOfB: pageOfB, body: () => ({ title: 'by A' }), code: 'PAGES_PAGE_NOT_FOUND' },
  'DELETE /api/v1/pages/{id}': { kind: 'tenant', paramsOfB: pageOfB, code: 'PAGES_PAGE_NOT_FOUND' },
  'POST /api/v1/pages/{id}/publish': { kind: 'tenant', paramsOfB: pageOfB, code: 'PAGES_PAGE_NOT_FOUND' },
  'PUT /api/v1/pages/{id}/blocks': { kind: 'tenant', paramsOfB: pageOfB, body: () => ({ blocks: [] }), code: 'PAGES_PAGE_NOT_FOUND' },
  'GET /api/v1/menus': { kind: 'tenant', public: true },
  'POST /api/v1/menus': {
    kind: 'tenant',
    // A menu of A linking B's page: B's page is not there inside A's transaction.
    body: (w) => ({ handle: 'menu-of-a', name: 'A', items: [{ label: { en: 'x' }, link: { type: 'page', pageId: w.b.pageId } }] }),
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  'GET /api/v1/menus/{id}': { kind: 'tenant', public: true, paramsOfB: menuOfB, code: 'PAGES_MENU_NOT_FOUND' },
  'PATCH /api/v1/menus/{id}': { kind: 'tenant', paramsOfB: menuOfB, body: () => ({ name: 'by A' }), code: 'PAGES_MENU_NOT_FOUND' },
  'DELETE /api/v1/menus/{id}': { kind: 'tenant', paramsOfB: menuOfB, code: 'PAGES_MENU_NOT_FOUND' },
};

interface GraphQLReply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
type Gql = (
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLReply & { text: string }>;

/** Every root field of the GraphQL schema, `Query.<field>` / `Mutation.<field>`, with its cross-tenant check. */
const GRAPHQL_FIELDS: Readonly<Record<string, (w: World, gql: Gql) => Promise<void>>> = {
  'Query.modules': async (w, gql) => {
    const reply = await gql({ 'x-tenant-id': w.a.tenant.id }, '{ modules { slug } }');
    expect(reply.errors).toBeUndefined();
    expectNoSecretsOfB(w, reply.text);
  },
  'Query.note': async (w, gql) => {
    const query = 'query ($id: ID!) { note(id: $id) { id body } }';
    const own = await gql(w.a.admin, query, { id: w.a.noteId });
    expect(own.data?.note).toMatchObject({ id: w.a.noteId });
    const reply = await gql(w.a.admin, query, { id: w.b.noteId });
    if (reply.errors) expect(reply.errors.map((e) => e.extensions?.code)).toEqual(['NOTES_NOT_FOUND']);
    else expect(reply.data?.note).toBeNull();
    expectNoSecretsOfB(w, reply.text, [w.b.noteId]);
  },
  'Query.notes': async (w, gql) => {
    const reply = await gql(w.a.admin, '{ notes { id } }');
    expect(reply.errors).toBeUndefined();
    const ids = ((reply.data?.notes ?? []) as { id: string }[]).map((n) => n.id);
    expect(ids).toContain(w.a.noteId);
    expect(ids.sort()).toEqual((await noteIds(w.p.database.db, w.a.tenant.id)).sort());
    expectNoSecretsOfB(w, reply.text);
  },
  'Query.contentNode': async (w, gql) => {
    const query = 'query ($id: ID!) { contentNode(id: $id) { id title } }';
    const own = await gql(w.a.admin, query, { id: w.a.contentNodeId });
    expect(own.data?.contentNode).toMatchObject({ id: w.a.contentNodeId });
    const reply = await gql(w.a.admin, query, { id: w.b.contentNodeId });
    expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
    expectNoSecretsOfB(w, reply.text, [w.b.contentNodeId]);
  },
  'Query.contentNodes': async (w, gql) => {
    const reply = await gql(w.a.admin, '{ contentNodes(first: 100) { items { id title } } }');
    expect(reply.errors).toBeUndefined();
    const ids = ((reply.data?.contentNodes as { items: { id: string }[] } | undefined)?.items ?? []).map((n) => n.id);
    expect(ids).toContain(w.a.contentNodeId);
    expectNoSecretsOfB(w, reply.text);
  },
  'Mutation.createContentNode': async (w, gql) => {
    const reply = await gql(w.a.admin, 'mutation ($input: CreateContentNodeInput!) { createContentNode(input: $input) { id } }', {
      input: { kind: 'post', title: 'made by A over GraphQL' },
    });
    expect(reply.errors).toBeUndefined();
    const id = (reply.data?.createContentNode as { id: string } | undefined)?.id ?? '';
    expect(await contentNodeIds(w.p.database.db, w.a.tenant.id)).toContain(id);
    expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).not.toContain(id);
  },
  'Mutation.updateContentNode': async (w, gql) => {
    const reply = await gql(w.a.admin, 'mutation ($id: ID!) { updateContentNode(id: $id, input: { title: "by A" }) { id } }', {
      id: w.b.contentNodeId,
    });
    expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
    expectNoSecretsOfB(w, reply.text, [w.b.contentNodeId]);
  },
  'Mutation.publishContentNode': async (w, gql) => {
    const reply = await gql(w.a.admin, 'mutation ($id: ID!) { publishContentNode(id: $id) { id } }', { id: w.b.contentNodeId });
    expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
  },
  'Mutation.deleteContentNode': async (w, gql) => {
    const reply = await gql(w.a.admin, 'mutation ($id: ID!) { deleteContentNode(id: $id) }', { id: w.b.contentNodeId });
    expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
    expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).toContain(w.b.contentNodeId);
  },
  'Mutation.deleteNote': async (w, gql) => {
    const reply = await gql(w.a.admin, 'mutation ($id: ID!) { deleteNote(id: $id) }', { id: w.b.noteId });
    if (reply.errors) expect(reply.errors.map((e) => e.extensions?.code)).toEqual(['NOTES_NOT_FOUND']);
    else expect(reply.data?.deleteNote).toBe(false);
    expect(await noteIds(w.p.database.db, w.b.tenant.id)).toContain(w.b.noteId);
  },
};

/** Tables with a `tenant_id` that are the platform's own (read across tenants, or before a tenant is known): no RLS. */
const PLATFORM_TABLES_WITHOUT_RLS = ['sys_events', 'sys_event_receipts', 'sys_events_dlq', 'tenant_domains'];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const noteIds = (db: Database, tenantId: string) =>
  db.transaction(async (tx) => (await tx.query<{ id: string }>('SELECT id FROM notes')).rows.map((r) => r.id), { tenantId });

const contentNodeIds = (db: Database, tenantId: string) =>
  db.transaction(async (tx) => (await tx.query<{ id: string }>('SELECT id FROM content_nodes')).rows.map((r) => r.id), { tenantId });

/** The slug the content module makes of a plain ASCII title. */
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Identifiers and contents of B that nothing shown to A may contain (unless A sent them itself). */
const secretsOfB = (w: World): string[] => [
  w.b.tenant.id,
  w.b.adminId,
  w.b.userId,
  w.b.noteId,
  w.b.noteBody,
  w.b.refreshToken,
  w.b.contentNodeId,
  w.b.contentTitle,
  w.b.contentRevisionId,
  w.b.contentCategoryId,
  w.b.blogPostId,
  w.b.blogCommentId,
  w.b.forumTopicId,
];

const expectNoSecretsOfB = (w: World, text: string, sentByA: readonly string[] = []): void => {
  const leaked = secretsOfB(w).filter((secret) => !sentByA.some((sent) => sent.includes(secret)) && text.includes(secret));
  expect(leaked, `B's data in an answer to A: ${text.slice(0, 500)}`).toEqual([]);
};

// --- the OpenAPI document ------------------------------------------------------------------

interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string }[];
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const resolveRef = (doc: OpenApiDoc, ref: string): JsonSchema => {
  const name = ref.split('/').pop() ?? '';
  const schema = doc.components?.schemas?.[name];
  if (!schema) throw new Error(`unresolved $ref ${ref}`);
  return schema;
};

const sampleString = (schema: JsonSchema, name: string): string => {
  if (schema.format === 'uuid') return generateId();
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.format === 'email' || /email/i.test(name)) return `probe-${generateId().slice(-8)}@example.com`;
  const text = 'probe'.padEnd(schema.minLength ?? 1, 'x');
  return schema.maxLength === undefined ? text : text.slice(0, schema.maxLength);
};

/** A minimal valid value of a JSON schema: only required properties, the smallest allowed sizes. */
const minimalValue = (doc: OpenApiDoc, schema: JsonSchema, name = ''): unknown => {
  if (schema.$ref) return minimalValue(doc, resolveRef(doc, schema.$ref), name);
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return minimalValue(doc, alternatives.find((s) => s.type !== 'null') ?? alternatives[0] ?? {}, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => minimalValue(doc, s, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, minimalValue(doc, schema.properties?.[key] ?? {}, key)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(doc, schema.items ?? {}, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, name);
    default:
      return null;
  }
};

const routesOf = (doc: OpenApiDoc): string[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => HTTP_METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

const splitKey = (key: string): { method: Method; path: string } => {
  const [method, path] = key.split(' ') as [Method, string];
  return { method, path };
};

/** The route's URL with B's identifiers in its path parameters; fails when the table does not name one. */
const urlWithIdsOfB = (w: World, key: string, path: string, params: RouteCase['paramsOfB'] = {}): string =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`${key}: no value of B for path parameter "${name}"; add it to paramsOfB in ROUTES`);
    return encodeURIComponent(value(w));
  });

const bodyFor = (w: World, doc: OpenApiDoc, key: string, route: RouteCase): unknown => {
  if (route.body) return route.body(w);
  const { method, path } = splitKey(key);
  const schema = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  return schema ? minimalValue(doc, schema) : undefined;
};

// --- B's data, as the database holds it ------------------------------------------------------

/** Tables holding a `tenant_id` (pg_attribute, so a table the application role cannot read is counted too). */
const tenantTables = async (db: Database): Promise<{ table: string; rls: boolean; forced: boolean }[]> => {
  const { rows } = await db.query<{ table: string; rls: boolean; forced: boolean }>(
    `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND n.nspname = 'public'
      ORDER BY c.relname`,
  );
  return rows;
};

/** Everything of a tenant: every row of every tenant table as its tenant sees it, its tenant record, the ids of its events. */
const snapshotOf = async (db: Database, tenantId: string): Promise<Record<string, string[]>> => {
  const tables = await tenantTables(db);
  const out: Record<string, string[]> = {};
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  await db.transaction(
    async (tx) => {
      for (const { table, rls } of tables) {
        // Events move on by themselves (relay, consumers); only which events the tenant has must not change.
        if (table === 'sys_event_receipts') continue;
        const columns = table.startsWith('sys_events') ? 'tenant_id, id' : '*';
        const { rows } = await tx.query(`SELECT ${columns} FROM ${table}${rls ? '' : ' WHERE tenant_id = $1'}`, rls ? [] : [tenantId]);
        out[table] = sorted(rows);
      }
      out.tenants = sorted((await tx.query('SELECT * FROM tenants WHERE id = $1', [tenantId])).rows);
    },
    { tenantId },
  );
  return out;
};

describeEachBackend('tenant isolation', (backend) => {
  let p: TestPlatform;
  let w: World;
  let doc: OpenApiDoc;
  let snapshotOfB: Record<string, string[]>;

  const call: World['call'] = (method, url, headers = {}, payload) =>
    p.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  const gql: Gql = async (headers, query, variables) => {
    const res = await call('POST', '/graphql', headers, { query, variables });
    return { ...res.json<GraphQLReply>(), text: res.body };
  };

  /** A category, a tag and a translated node with revisions, of the tenant's own. */
  const contentOf = async (headers: Record<string, string>, slug: string) => {
    const category = await call('POST', '/api/v1/content/categories', headers, { name: `Category of ${slug}` });
    expect(category.statusCode, category.body).toBe(201);
    const tag = await call('POST', '/api/v1/content/tags', headers, { name: `tag of ${slug}` });
    expect(tag.statusCode, tag.body).toBe(201);
    const contentTitle = `Secret post ${generateId().slice(-12)}`;
    const node = await call('POST', '/api/v1/content/nodes', headers, {
      kind: 'post',
      title: contentTitle,
      categoryId: category.json<{ id: string }>().id,
      tagIds: [tag.json<{ id: string }>().id],
    });
    expect(node.statusCode, node.body).toBe(201);
    const contentNodeId = node.json<{ id: string }>().id;
    const ru = await call('PUT', `/api/v1/content/nodes/${contentNodeId}/translations/ru`, headers, { title: `Тайна ${slug}` });
    expect(ru.statusCode, ru.body).toBe(200);
    const revisions = await call('GET', `/api/v1/content/nodes/${contentNodeId}/revisions`, headers);
    const contentRevisionId = revisions.json<{ items: { id: string }[] }>().items.at(-1)?.id ?? '';
    return { contentNodeId, contentTitle, contentRevisionId, contentCategoryId: category.json<{ id: string }>().id };
  };

  /** A published blog post with a comment, and a forum topic with a reply, of the tenant's own. */
  const blogAndForumOf = async (headers: Record<string, string>, slug: string) => {
    const created = async (url: string, payload?: unknown) => {
      const res = await call('POST', url, headers, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: string }>().id;
    };
    const blogPostId = await created('/api/v1/blog/posts', { title: `Blog post of ${slug}` });
    await created(`/api/v1/blog/posts/${blogPostId}/publish`);
    const blogCommentId = await created(`/api/v1/blog/posts/${blogPostId}/comments`, { body: `comment of ${slug}` });
    const forumTopicId = await created('/api/v1/forum/topics', { title: `Topic of ${slug}` });
    await created(`/api/v1/forum/topics/${forumTopicId}/replies`, { body: `reply of ${slug}` });
    return { blogPostId, blogCommentId, forumTopicId };
  };

  const side = async (slug: string): Promise<Side> => {
    const tenant = await p.createTenant(slug);
    const admin = await p.userWithToken(tenant.id, ['admin'], `admin@${slug}.example.com`);
    const email = `user-${generateId().slice(-8)}@${slug}.example.com`;
    const user = await p.userWithToken(tenant.id, ['customer'], email);
    const password = 'correct horse battery'; // the test kit's password
    const noteBody = `note of ${slug} ${generateId()}`;
    const note = await call('POST', '/api/v1/notes', admin.headers, { body: noteBody });
    expect(note.statusCode, note.body).toBe(201);
    const login = await call('POST', '/api/v1/auth/login', { 'x-tenant-id': tenant.id }, { email, password });
    expect(login.statusCode, login.body).toBe(200);
    // Tenant roles of B's own, that A must neither see nor delete.
    if (slug === 'iso-b') {
      for (const role of [B_ROLE, `${B_ROLE}_only`]) {
        expect((await call('PUT', `/api/v1/auth/roles/${role}`, admin.headers, { permissions: ['notes.items.read'] })).statusCode).toBe(
          200,
        );
      }
    }
    // A tenant_modules row of the tenant's own (enabling an enabled module writes one).
    expect((await call('PUT', '/api/v1/modules/notes', admin.headers, { enabled: true })).statusCode).toBe(200);
    const verificationToken = await p.database.db.transaction((tx) => createEmailVerification(tx, user.userId, Date.now()), {
      tenantId: tenant.id,
    });
    const content = await contentOf(admin.headers, slug);
    const blogAndForum = await blogAndForumOf(admin.headers, slug);
    const page = await call('POST', '/api/v1/pages', admin.headers, {
      title: `Page ${slug}`,
      blocks: [{ type: 'hero', data: { title: slug } }],
    });
    expect(page.statusCode, page.body).toBe(201);
    const pageId = page.json<{ id: string }>().id;
    const menu = await call('POST', '/api/v1/menus', admin.headers, {
      handle: 'main',
      name: 'Main',
      items: [{ label: { en: 'Page' }, link: { type: 'page', pageId } }],
    });
    expect(menu.statusCode, menu.body).toBe(201);
    return {
      tenant,
      adminId: admin.userId,
      admin: admin.headers,
      token: admin.token,
      userId: user.userId,
      email,
      password,
      noteId: note.json<{ id: string }>().id,
      noteBody,
      refreshToken: login.json<{ refreshToken: string }>().refreshToken,
      verificationToken,
      ...content,
      ...blogAndForum,
      pageId,
      menuId: menu.json<{ id: string }>().id,
    };
  };

  beforeAll(async () => {
    // The deployment's own modules too, so their routes and fields must be in the tables above.
    p = await createTestPlatform({ backend, modules: [...builtInModules, notesModule] });
    const a = await side('iso-a');
    const b = await side('iso-b');
    w = { p, a, b, call };
    doc = (await call('GET', '/swagger/json')).json<OpenApiDoc>();
    snapshotOfB = await snapshotOf(p.database.db, b.tenant.id);
  });
  afterAll(() => p?.close());

  it('has an entry for every route of the OpenAPI document, and no stale one', () => {
    const documented = routesOf(doc).sort();
    const covered = Object.keys(ROUTES).sort();
    expect(
      documented.filter((r) => !covered.includes(r)),
      'routes without an entry in ROUTES (add them: platform or tenant, with paramsOfB)',
    ).toEqual([]);
    expect(
      covered.filter((r) => !documented.includes(r)),
      'entries in ROUTES for routes the document does not have',
    ).toEqual([]);
  });

  for (const [key, route] of Object.entries(ROUTES)) {
    const title = {
      platform: "a tenant's admin is refused",
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
      const url = urlWithIdsOfB(w, key, path, route.paramsOfB);
      const body = bodyFor(w, doc, key, route);
      const sent = [url, JSON.stringify(body ?? null)];

      // Without a token: 401, except for the public routes (not called anonymously: they would act).
      if (route.kind === 'platform' || !route.public) {
        const anonymous = await call(method, url, { 'x-tenant-id': w.a.tenant.id }, body);
        expect(anonymous.statusCode, `${key} without a token: ${anonymous.body}`).toBe(401);
      }

      if (route.kind === 'platform') {
        const res = await call(method, url, w.a.admin, body);
        expect(res.statusCode, `${key} as A's admin: ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
        return;
      }

      // A's token presented for tenant B: the token belongs to another tenant.
      const crossed = await call(method, url, { authorization: `Bearer ${w.a.token}`, 'x-tenant-id': w.b.tenant.id }, body);
      expect(crossed.statusCode, `${key} with A's token for tenant B: ${crossed.body}`).toBe(401);

      const res = await call(method, url, w.a.admin, body);
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
    expect(fields).toEqual(Object.keys(GRAPHQL_FIELDS).sort());
  });

  for (const [field, check] of Object.entries(GRAPHQL_FIELDS)) {
    it(`GraphQL ${field}: A's admin cannot reach B's data`, async () => {
      await check(w, gql);
    });
  }

  it('GraphQL fields of a module A switched off answer as absent for A, and still work for B', async () => {
    expect((await call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: false })).statusCode).toBe(200);
    try {
      const ofB = await gql(w.b.admin, '{ notes { id } }');
      expect(ofB.errors).toBeUndefined();
      expect(ofB.text).toContain(w.b.noteId);
      const ofA = await gql(w.a.admin, '{ notes { id } }');
      expect(ofA.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_FIELD_NOT_FOUND']);
    } finally {
      expect((await call('PUT', '/api/v1/modules/notes', w.a.admin, { enabled: true })).statusCode).toBe(200);
    }
  });

  it("left every row of B as it was, and B's session and account still work", async () => {
    expect(await snapshotOf(p.database.db, w.b.tenant.id)).toEqual(snapshotOfB);
    const refreshed = await call('POST', '/api/v1/auth/refresh', { 'x-tenant-id': w.b.tenant.id }, { refreshToken: w.b.refreshToken });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const login = await call('POST', '/api/v1/auth/login', { 'x-tenant-id': w.b.tenant.id }, { email: w.b.email, password: w.b.password });
    expect(login.statusCode, `B's user after failed logins under the same address in A: ${login.body}`).toBe(200);
    expect(login.json<{ user: { id: string } }>().user.id).toBe(w.b.userId);
  });

  // --- row-level security alone, with no application filter ----------------------------------

  const TENANT_TABLES_WITH_DATA = [
    'notes',
    'users',
    'user_roles',
    'refresh_tokens',
    'tenant_modules',
    'content_nodes',
    'content_translations',
    'content_revisions',
    'content_categories',
    'content_tags',
    'content_node_tags',
    'pages_blocks',
    'pages_menus',
    'pages_menu_items',
  ];

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
    expect(bodiesOfB).toEqual([{ body: w.b.noteBody }]);
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
      inA('INSERT INTO user_roles (tenant_id, user_id, role) VALUES ($1, $2, $3)', [w.b.tenant.id, w.b.userId, 'super_admin']),
    ).rejects.toThrow(/row-level security/);
    expect(await noteIds(db, w.b.tenant.id)).toEqual([w.b.noteId]);
  });

  it('shows no tenant rows at all outside a tenant transaction', async () => {
    const db = p.database.db;
    for (const { table } of (await tenantTables(db)).filter((t) => t.rls)) {
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows, table).toEqual([{ n: 0 }]);
      const inPlainTx = await db.transaction(async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows);
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
