import { queryOptions } from '@tanstack/react-query';
import type { Post } from './blog.js';
import { api } from './client.js';

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

export interface Revision {
  readonly id: string;
  readonly nodeId: string;
  readonly number: number;
  /** created, updated, restored, or the status moved to (published, scheduled …). */
  readonly action: string;
  readonly authorId: string | null;
  readonly createdAt: string;
  readonly snapshot: RevisionSnapshot;
}

export interface Category {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly slug: string;
  readonly depth: number;
  readonly position: number;
}

export interface Tag {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
}

interface List<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A node's revisions, newest first (the latest 100). */
export const revisionsQuery = (nodeId: string) =>
  queryOptions({
    queryKey: ['content', 'revisions', nodeId],
    queryFn: () => api<List<Revision>>(`/content/nodes/${nodeId}/revisions?limit=100`),
  });

/** Puts back a revision's content as a new revision (the status stays). */
export const restoreRevision = ({ nodeId, revisionId }: { nodeId: string; revisionId: string }) =>
  api<Post>(`/content/nodes/${nodeId}/revisions/${revisionId}/restore`, { method: 'POST' });

export const categoriesQuery = queryOptions({
  queryKey: ['content', 'categories'],
  queryFn: () => api<List<Category>>('/content/categories'),
});

export const createCategory = (input: { name: string; parentId?: string | null }) =>
  api<Category>('/content/categories', { method: 'POST', body: input });

/** Renames or moves a category (not under itself or its descendants). */
export const updateCategory = ({ id, ...patch }: { id: string; name?: string; parentId?: string | null }) =>
  api<Category>(`/content/categories/${id}`, { method: 'PATCH', body: patch });

/** Deletes a category; its children move up to its parent. */
export const deleteCategory = (id: string) => api<undefined>(`/content/categories/${id}`, { method: 'DELETE' });

export const tagsQuery = queryOptions({ queryKey: ['content', 'tags'], queryFn: () => api<List<Tag>>('/content/tags') });

export const createTag = (input: { name: string }) => api<Tag>('/content/tags', { method: 'POST', body: input });

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
