import type { Database } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** The content module (core): nodes, translations, revisions, categories and tags. */

interface ContentObjects {
  /** A translated node (en, ru) with revisions, in a category and with a tag. */
  readonly nodeId: string;
  readonly title: string;
  /** The node's first revision. */
  readonly revisionId: string;
  readonly categoryId: string;
  readonly tagId: string;
}

const contentNodeIds = (db: Database, tenantId: string) =>
  db.transaction(async (tx) => (await tx.query<{ id: string }>('SELECT id FROM content_nodes')).rows.map((r) => r.id), { tenantId });

/** The slug the content module makes of a plain ASCII title. */
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const content = (side: Side): ContentObjects => contentArea.of(side);
const contentNodeOfB = { id: (w: World) => content(w.b).nodeId };
const contentCategoryOfB = { id: (w: World) => content(w.b).categoryId };
const contentNotFound = 'CONTENT_NODE_NOT_FOUND';

export const contentArea: Area<ContentObjects> = defineArea<ContentObjects>({
  name: 'content',
  async setup({ side, call, created }) {
    const { slug } = side.tenant;
    const categoryId = await created('/api/v1/content/categories', { name: `Category of ${slug}` });
    const tagId = await created('/api/v1/content/tags', { name: `tag of ${slug}` });
    const title = `Secret post ${generateId().slice(-12)}`;
    const nodeId = await created('/api/v1/content/nodes', { kind: 'post', title, categoryId, tagIds: [tagId] });
    const ru = await call('PUT', `/api/v1/content/nodes/${nodeId}/translations/ru`, side.admin, { title: `Тайна ${slug}` });
    expect(ru.statusCode, ru.body).toBe(200);
    const revisions = await call('GET', `/api/v1/content/nodes/${nodeId}/revisions`, side.admin);
    const revisionId = revisions.json<{ items: { id: string }[] }>().items.at(-1)?.id ?? '';
    return { nodeId, title, revisionId, categoryId, tagId };
  },
  secretsOf: (o) => [o.nodeId, o.title, o.revisionId, o.categoryId, o.tagId],
  tablesWithData: ['content_nodes', 'content_translations', 'content_revisions', 'content_categories', 'content_tags', 'content_node_tags'],
  routes: {
    'GET /api/v1/content/nodes': {
      kind: 'tenant',
      public: true,
      after: async (w, res) => {
        expect(res.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toContain(content(w.a).nodeId);
      },
    },
    'POST /api/v1/content/nodes': {
      kind: 'tenant',
      body: (w) => ({ kind: 'post', title: content(w.b).title }),
      status: 201,
      after: async (w, res) => {
        const id = res.json<{ id: string }>().id;
        // Same title, same kind: A's slug must not be numbered because of B's node.
        expect(res.json<{ slug: string }>().slug).toBe(slugOf(content(w.b).title));
        expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).not.toContain(id);
        // B's title is one of B's secrets: A's copy goes again.
        expect((await w.call('DELETE', `/api/v1/content/nodes/${id}`, w.a.admin)).statusCode).toBe(204);
      },
    },
    'GET /api/v1/content/nodes/{id}': refusedRoute(contentNodeOfB, contentNotFound, { public: true }),
    'PATCH /api/v1/content/nodes/{id}': refusedRoute(contentNodeOfB, contentNotFound, { body: () => ({ title: 'by A' }) }),
    'DELETE /api/v1/content/nodes/{id}': refusedRoute(contentNodeOfB, contentNotFound),
    'POST /api/v1/content/nodes/{id}/publish': refusedRoute(contentNodeOfB, contentNotFound),
    'POST /api/v1/content/nodes/{id}/transitions': refusedRoute(contentNodeOfB, contentNotFound, { body: () => ({ to: 'published' }) }),
    'PUT /api/v1/content/nodes/{id}/translations/{locale}': refusedRoute({ ...contentNodeOfB, locale: () => 'ru' }, contentNotFound, {
      body: () => ({ title: 'от A' }),
    }),
    'GET /api/v1/content/nodes/{id}/revisions': refusedRoute(contentNodeOfB, contentNotFound),
    'POST /api/v1/content/nodes/{id}/revisions/{revisionId}/restore': refusedRoute(
      { ...contentNodeOfB, revisionId: (w) => content(w.b).revisionId },
      contentNotFound,
    ),
    'GET /api/v1/content/categories': {
      kind: 'tenant',
      public: true,
      after: async (w, res) => {
        expect(res.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(content(w.a).categoryId);
      },
    },
    'POST /api/v1/content/categories': { kind: 'tenant', body: () => ({ name: 'Category of A' }), status: 201 },
    'PATCH /api/v1/content/categories/{id}': refusedRoute(contentCategoryOfB, 'CONTENT_CATEGORY_NOT_FOUND', {
      body: () => ({ name: 'by A' }),
    }),
    'DELETE /api/v1/content/categories/{id}': refusedRoute(contentCategoryOfB, 'CONTENT_CATEGORY_NOT_FOUND'),
    'GET /api/v1/content/tags': { kind: 'tenant', public: true },
    'POST /api/v1/content/tags': { kind: 'tenant', body: () => ({ name: 'tag of A' }), status: 201 },
  },
  graphql: {
    'Query.contentNode': async (w) => {
      const query = 'query ($id: ID!) { contentNode(id: $id) { id title } }';
      const own = await w.gql(w.a.admin, query, { id: content(w.a).nodeId });
      expect(own.data?.contentNode).toMatchObject({ id: content(w.a).nodeId });
      const reply = await w.gql(w.a.admin, query, { id: content(w.b).nodeId });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text, [content(w.b).nodeId]);
    },
    'Query.contentNodes': async (w) => {
      const reply = await w.gql(w.a.admin, '{ contentNodes(first: 100) { items { id title } } }');
      expect(reply.errors).toBeUndefined();
      const ids = ((reply.data?.contentNodes as { items: { id: string }[] } | undefined)?.items ?? []).map((n) => n.id);
      expect(ids).toContain(content(w.a).nodeId);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.createContentNode': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($input: CreateContentNodeInput!) { createContentNode(input: $input) { id } }', {
        input: { kind: 'post', title: 'made by A over GraphQL' },
      });
      expect(reply.errors).toBeUndefined();
      const id = (reply.data?.createContentNode as { id: string } | undefined)?.id ?? '';
      expect(await contentNodeIds(w.p.database.db, w.a.tenant.id)).toContain(id);
      expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).not.toContain(id);
    },
    'Mutation.updateContentNode': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($id: ID!) { updateContentNode(id: $id, input: { title: "by A" }) { id } }', {
        id: content(w.b).nodeId,
      });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text, [content(w.b).nodeId]);
    },
    'Mutation.publishContentNode': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($id: ID!) { publishContentNode(id: $id) { id } }', { id: content(w.b).nodeId });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
    },
    'Mutation.deleteContentNode': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($id: ID!) { deleteContentNode(id: $id) }', { id: content(w.b).nodeId });
      expect(reply.errors?.map((e) => e.extensions?.code)).toEqual(['CONTENT_NODE_NOT_FOUND']);
      expect(await contentNodeIds(w.p.database.db, w.b.tenant.id)).toContain(content(w.b).nodeId);
    },
    'Mutation.transitionContentNode': refusedForB(
      'mutation ($id: ID!) { transitionContentNode(id: $id, to: "archived") { id } }',
      (w) => ({ id: content(w.b).nodeId }),
      contentNotFound,
    ),
    'Mutation.putContentTranslation': refusedForB(
      'mutation ($id: ID!) { putContentTranslation(id: $id, locale: "ru", input: { title: "by A" }) { id } }',
      (w) => ({ id: content(w.b).nodeId }),
      contentNotFound,
    ),
    'Query.contentCategories': listsOnlyA(
      '{ contentCategories { id name } }',
      (data) => data.contentCategories as { id: string }[],
      (w) => content(w.a).categoryId,
    ),
    'Mutation.createContentCategory': createdInA(
      'mutation { createContentCategory(input: { name: "Category of A over GraphQL" }) { id } }',
      {},
      'createContentCategory',
      'content_categories',
    ),
    'Mutation.updateContentCategory': refusedForB(
      'mutation ($id: ID!) { updateContentCategory(id: $id, input: { name: "by A" }) { id } }',
      (w) => ({ id: content(w.b).categoryId }),
      'CONTENT_CATEGORY_NOT_FOUND',
    ),
    'Mutation.deleteContentCategory': refusedForB(
      'mutation ($id: ID!) { deleteContentCategory(id: $id) }',
      (w) => ({ id: content(w.b).categoryId }),
      'CONTENT_CATEGORY_NOT_FOUND',
    ),
    'Query.contentTags': listsOnlyA(
      '{ contentTags { id name } }',
      (data) => data.contentTags as { id: string }[],
      (w) => content(w.a).tagId,
    ),
    'Mutation.createContentTag': async (w) => {
      const reply = await w.gql(w.a.admin, 'mutation ($input: CreateContentTagInput!) { createContentTag(input: $input) { id slug } }', {
        // B has a tag with this name: A's own tag gets the same slug, unnumbered.
        input: { name: `tag of ${w.b.tenant.slug}` },
      });
      expect(reply.errors, reply.text).toBeUndefined();
      expect(reply.data?.createContentTag).toMatchObject({ slug: `tag-of-${w.b.tenant.slug}` });
      expectNoSecretsOfB(w, reply.text);
    },
    'Query.contentRevisions': refusedForB(
      'query ($id: ID!) { contentRevisions(nodeId: $id) { items { id snapshot } } }',
      (w) => ({ id: content(w.b).nodeId }),
      contentNotFound,
    ),
    'Mutation.restoreContentRevision': async (w) => {
      const query = 'mutation ($nodeId: ID!, $revisionId: ID!) { restoreContentRevision(nodeId: $nodeId, revisionId: $revisionId) { id } }';
      await refusedForB(query, (x) => ({ nodeId: content(x.b).nodeId, revisionId: content(x.b).revisionId }), contentNotFound)(w);
      // B's revision put onto A's own node: not a revision of that node.
      const variables = { nodeId: content(w.a).nodeId, revisionId: content(w.b).revisionId };
      const reply = await w.gql(w.a.admin, query, variables);
      expect(errorCodes(reply), reply.text).toEqual(['CONTENT_REVISION_NOT_FOUND']);
      expectNoSecretsOfB(w, reply.text, [JSON.stringify(variables)]);
    },
  },
});
