import { describeEachBackend, editorialSuite, graphqlClient } from '@rustok/testing';
import { expect, it } from 'vitest';
import { contentModule } from '../src/index.js';
import type { ContentCategory, ContentNode, ContentRevision, Paged } from '../src/kit.js';

describeEachBackend('content over GraphQL: categories, tags, revisions, transitions, translations', (backend) => {
  const s = editorialSuite(backend, [contentModule], 'content-gql');
  const { data, codes } = graphqlClient(() => s.p);

  it('manages the category tree and tags with the permissions of REST; reading them is public', async () => {
    const create = 'mutation ($input: CreateContentCategoryInput!) { createContentCategory(input: $input) { id parentId slug depth } }';
    const news = await data<ContentCategory>('createContentCategory', s.editor, create, { input: { name: 'News' } });
    const local = await data<ContentCategory>('createContentCategory', s.editor, create, { input: { name: 'Local', parentId: news.id } });
    expect(local).toMatchObject({ parentId: news.id, slug: 'local', depth: 1 });
    expect(await codes(s.customer, create, { input: { name: 'Mine' } })).toEqual(['AUTH_FORBIDDEN']);
    const update = 'mutation ($id: ID!) { updateContentCategory(id: $id, input: { name: "World news", slug: "world" }) { name slug } }';
    expect(await data('updateContentCategory', s.editor, update, { id: news.id })).toEqual({ name: 'World news', slug: 'world' });
    const tree = '{ contentCategories { id slug depth } }';
    expect(await data('contentCategories', s.anonymous, tree)).toEqual([
      { id: news.id, slug: 'world', depth: 0 },
      { id: local.id, slug: 'local', depth: 1 },
    ]);
    expect(await data('deleteContentCategory', s.editor, 'mutation ($id: ID!) { deleteContentCategory(id: $id) }', { id: news.id })).toBe(
      true,
    );
    expect(await data('contentCategories', s.anonymous, tree)).toEqual([{ id: local.id, slug: 'local', depth: 0 }]);

    const tag = 'mutation ($name: String!) { createContentTag(input: { name: $name }) { id name slug } }';
    expect(await data('createContentTag', s.editor, tag, { name: 'Open Source' })).toMatchObject({ slug: 'open-source' });
    expect(await codes(s.editor, tag, { name: 'open source' })).toEqual(['CONTENT_SLUG_TAKEN']);
    expect(await codes(s.customer, tag, { name: 'x' })).toEqual(['AUTH_FORBIDDEN']);
    expect(await data('contentTags', s.anonymous, '{ contentTags { name slug } }')).toEqual([{ name: 'Open Source', slug: 'open-source' }]);
  });

  it('lists revisions (content.nodes.read) page by page and restores one as a new revision', async () => {
    const node = await data<ContentNode>(
      'createContentNode',
      s.editor,
      'mutation { createContentNode(input: { kind: "post", title: "First" }) { id } }',
    );
    const update = 'mutation ($id: ID!, $title: String!) { updateContentNode(id: $id, input: { title: $title }) { revision } }';
    await data('updateContentNode', s.editor, update, { id: node.id, title: 'Second' });
    await data('updateContentNode', s.editor, update, { id: node.id, title: 'Third' });
    const list =
      'query ($id: ID!, $after: String) { contentRevisions(nodeId: $id, first: 2, after: $after) { items { id number action } nextCursor } }';
    const first = await data<Paged<ContentRevision>>('contentRevisions', s.editor, list, { id: node.id });
    expect(first.items.map((r) => [r.number, r.action])).toEqual([
      [3, 'updated'],
      [2, 'updated'],
    ]);
    const rest = await data<Paged<ContentRevision>>('contentRevisions', s.editor, list, { id: node.id, after: first.nextCursor });
    expect(rest).toMatchObject({ items: [{ number: 1, action: 'created' }], nextCursor: null });
    expect(await codes(s.anonymous, list, { id: node.id })).toEqual(['AUTH_REQUIRED']);
    expect(await codes(s.customer, list, { id: node.id })).toEqual(['AUTH_FORBIDDEN']);

    const restore = 'mutation ($id: ID!, $rev: ID!) { restoreContentRevision(nodeId: $id, revisionId: $rev) { title revision } }';
    const original = rest.items[0]?.id;
    expect(await codes(s.customer, restore, { id: node.id, rev: original })).toEqual(['AUTH_FORBIDDEN']);
    expect(await data('restoreContentRevision', s.editor, restore, { id: node.id, rev: original })).toEqual({
      title: 'First',
      revision: 4,
    });
    const other = await data<ContentNode>(
      'createContentNode',
      s.editor,
      'mutation { createContentNode(input: { kind: "post", title: "Other" }) { id } }',
    );
    expect(await codes(s.editor, restore, { id: other.id, rev: original })).toEqual(['CONTENT_REVISION_NOT_FOUND']);
    // A draft is invisible to the public, through the shared node type as through REST.
    expect(await codes(s.anonymous, 'query ($id: ID!) { contentNode(id: $id) { id } }', { id: node.id })).toEqual([
      'CONTENT_NODE_NOT_FOUND',
    ]);
  });
  it('moves a node through the status machine and writes a translation, as over REST', async () => {
    const node = await data<ContentNode>(
      'createContentNode',
      s.editor,
      'mutation { createContentNode(input: { kind: "post", title: "Moving" }) { id } }',
    );
    const move =
      'mutation ($id: ID!, $to: String!, $at: String) { transitionContentNode(id: $id, to: $to, publishAt: $at) { status publishAt allowedTransitions } }';
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(await data('transitionContentNode', s.editor, move, { id: node.id, to: 'scheduled', at: later })).toMatchObject({
      status: 'scheduled',
      publishAt: later,
    });
    expect(await data('transitionContentNode', s.editor, move, { id: node.id, to: 'published' })).toMatchObject({ status: 'published' });
    expect(await codes(s.editor, move, { id: node.id, to: 'scheduled', at: later })).toEqual(['CONTENT_INVALID_TRANSITION']);
    expect(await codes(s.customer, move, { id: node.id, to: 'archived' })).toEqual(['AUTH_FORBIDDEN']);
    expect(await codes(s.editor, move, { id: node.id, to: 'gone' })).toEqual(['VALIDATION_FAILED']);

    const put =
      'mutation ($id: ID!, $locale: String!, $title: String!) { putContentTranslation(id: $id, locale: $locale, input: { title: $title }) { translations { locale slug } } }';
    const translated = await data<ContentNode>('putContentTranslation', s.editor, put, { id: node.id, locale: 'ru', title: 'Перемещение' });
    expect(translated.translations).toContainEqual({ locale: 'ru', slug: 'peremeschenie' });
    expect(await codes(s.editor, put, { id: node.id, locale: 'xx', title: 'No' })).toEqual(['CONTENT_LOCALE_UNSUPPORTED']);
    expect(await codes(s.customer, put, { id: node.id, locale: 'ru', title: 'Not mine' })).toEqual(['AUTH_FORBIDDEN']);
  });
});
