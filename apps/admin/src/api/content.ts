import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { postOf } from './blog.js';
import { api } from './client.js';
import { gql } from './graphql.js';

/** What a revision keeps of a node: everything a restore puts back. */
export interface RevisionSnapshot {
  readonly status?: string;
  readonly categoryId?: string | null;
  readonly tagIds?: readonly string[];
  readonly translations?: readonly {
    readonly locale: string;
    readonly title: string;
    readonly slug: string;
    readonly excerpt: string | null;
    readonly body: string;
  }[];
}

const RevisionsDocument = graphql(`
  query ContentRevisions($nodeId: ID!) {
    contentRevisions(nodeId: $nodeId, first: 100) {
      items { id number action createdAt snapshot }
    }
  }
`);

const RestoreRevisionDocument = graphql(`
  mutation RestoreRevision($nodeId: ID!, $revisionId: ID!) {
    restoreContentRevision(nodeId: $nodeId, revisionId: $revisionId) {
      id status locale title slug excerpt body categoryId tagIds publishAt revision updatedAt allowedTransitions
      translations { locale }
    }
  }
`);

const CategoriesDocument = graphql(`
  query ContentCategories {
    contentCategories { id parentId name slug depth position }
  }
`);

const CreateCategoryDocument = graphql(`
  mutation CreateContentCategory($input: CreateContentCategoryInput!) {
    createContentCategory(input: $input) { id }
  }
`);

const DeleteCategoryDocument = graphql(`
  mutation DeleteContentCategory($id: ID!) {
    deleteContentCategory(id: $id)
  }
`);

const TagsDocument = graphql(`
  query ContentTags {
    contentTags { id name slug }
  }
`);

const CreateTagDocument = graphql(`
  mutation CreateContentTag($input: CreateContentTagInput!) {
    createContentTag(input: $input) { id }
  }
`);

type RevisionNode = NonNullable<NonNullable<ResultOf<typeof RevisionsDocument>['contentRevisions']>['items']>[number];
type CategoryNode = NonNullable<ResultOf<typeof CategoriesDocument>['contentCategories']>[number];
type TagNode = NonNullable<ResultOf<typeof TagsDocument>['contentTags']>[number];

/** A revision: its number, the change it recorded (created, updated, restored, or the status moved to) and its snapshot. */
const revisionOf = (r: RevisionNode) => ({
  id: r.id ?? '',
  number: r.number ?? 0,
  action: r.action ?? '',
  createdAt: r.createdAt ?? '',
  snapshot: (r.snapshot ?? {}) as RevisionSnapshot,
});
export type Revision = ReturnType<typeof revisionOf>;

const categoryOf = (c: CategoryNode) => ({
  id: c.id ?? '',
  parentId: c.parentId ?? null,
  name: c.name ?? '',
  slug: c.slug ?? '',
  depth: c.depth ?? 0,
  position: c.position ?? 0,
});
export type Category = ReturnType<typeof categoryOf>;

const tagOf = (t: TagNode) => ({ id: t.id ?? '', name: t.name ?? '', slug: t.slug ?? '' });
export type Tag = ReturnType<typeof tagOf>;

/** A node's revisions, newest first (the latest 100). */
export const revisionsQuery = (nodeId: string) =>
  queryOptions({
    queryKey: ['content', 'revisions', nodeId],
    queryFn: async () => ({ items: ((await gql(RevisionsDocument, { nodeId })).contentRevisions?.items ?? []).map(revisionOf) }),
  });

/** Puts back a revision's content as a new revision (the status stays). */
export const restoreRevision = async ({ nodeId, revisionId }: { nodeId: string; revisionId: string }) =>
  postOf((await gql(RestoreRevisionDocument, { nodeId, revisionId })).restoreContentRevision);

export const categoriesQuery = queryOptions({
  queryKey: ['content', 'categories'],
  queryFn: async () => ({ items: ((await gql(CategoriesDocument)).contentCategories ?? []).map(categoryOf) }),
});

export const createCategory = async (input: { name: string; parentId?: string | null }): Promise<void> => {
  await gql(CreateCategoryDocument, { input });
};

/**
 * Renames or moves a category (not under itself or its descendants).
 * REST: moving to the root takes parentId null, which GraphQL's updateContentCategory reads as "not given".
 */
export const updateCategory = ({ id, ...patch }: { id: string; name?: string; parentId?: string | null }) =>
  api<undefined>(`/content/categories/${id}`, { method: 'PATCH', body: patch });

/** Deletes a category; its children move up to its parent. */
export const deleteCategory = async (id: string): Promise<void> => {
  await gql(DeleteCategoryDocument, { id });
};

export const tagsQuery = queryOptions({
  queryKey: ['content', 'tags'],
  queryFn: async () => ({ items: ((await gql(TagsDocument)).contentTags ?? []).map(tagOf) }),
});

export const createTag = async (input: { name: string }): Promise<void> => {
  await gql(CreateTagDocument, { input });
};

/** The categories in tree order (each parent followed by its children), with their depth for indenting. */
export const treeOrder = (categories: readonly Category[]): Category[] => {
  const children = new Map<string | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: Category[] = [];
  const walk = (parent: string | null) => {
    const level = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const c of level) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
};

/** A category's descendants' ids (it cannot move under them). */
export const descendantsOf = (categories: readonly Category[], id: string): Set<string> => {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next = categories.filter((c) => c.parentId !== null && frontier.includes(c.parentId) && !out.has(c.id)).map((c) => c.id);
    for (const n of next) out.add(n);
    frontier = next;
  }
  return out;
};
