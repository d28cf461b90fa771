import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import type { ContentNode, Paged } from './content-node.js';

/** A block of a page as the API answers it (its place is its index in the page's list). */
export interface PageBlock {
  readonly id: string;
  readonly position: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A block as it is sent: its kind and the data that kind's schema checks. */
export interface BlockInput {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type PageNode = ContentNode;
export interface Page extends ContentNode {
  readonly blocks: readonly PageBlock[];
}

/** A page holds at most this many blocks (the server's limit). */
export const MAX_BLOCKS = 100;

export const pagesQuery = queryOptions({
  queryKey: ['pages', 'list'],
  queryFn: () => api<Paged<PageNode>>('/pages?limit=100'),
});

export const pageQuery = (id: string) => queryOptions({ queryKey: ['pages', 'page', id], queryFn: () => api<Page>(`/pages/${id}`) });

export const createPage = (input: { title: string; slug?: string }) => api<Page>('/pages', { method: 'POST', body: input });

export const putBlocks = ({ id, blocks }: { id: string; blocks: readonly BlockInput[] }) =>
  api<Page>(`/pages/${id}/blocks`, { method: 'PUT', body: { blocks } });

export const publishPage = (id: string) => api<Page>(`/pages/${id}/publish`, { method: 'POST' });

/** Changes the page's title and slug (in its locale). */
export const updatePage = ({ id, ...input }: { id: string; title: string; slug: string }) =>
  api<Page>(`/pages/${id}`, { method: 'PATCH', body: input });
