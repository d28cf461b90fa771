import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const PageListDocument = graphql(`
  query PageList {
    pages(first: 100) {
      items { id title slug status updatedAt }
    }
  }
`);

const PageDocument = graphql(`
  query PageDetail($id: ID!) {
    page(id: $id) { id title slug status revision publishedAt allowedTransitions blocks { id position type data } }
  }
`);

const CreatePageDocument = graphql(`
  mutation CreatePage($input: CreatePageInput!) {
    createPage(input: $input) { id }
  }
`);

const PutBlocksDocument = graphql(`
  mutation PutPageBlocks($id: ID!, $blocks: [PageBlockInput!]!) {
    putPageBlocks(id: $id, blocks: $blocks) {
      id title slug status revision publishedAt allowedTransitions blocks { id position type data }
    }
  }
`);

const PublishPageDocument = graphql(`
  mutation PublishPage($id: ID!) {
    publishPage(id: $id) { id title slug status revision publishedAt allowedTransitions blocks { id position type data } }
  }
`);

const UpdatePageDocument = graphql(`
  mutation UpdatePage($id: ID!, $input: UpdatePageInput!) {
    updatePage(id: $id, input: $input) { id title slug status revision publishedAt allowedTransitions blocks { id position type data } }
  }
`);

type PageRow = NonNullable<NonNullable<ResultOf<typeof PageListDocument>['pages']>['items']>[number];
type PageResult = NonNullable<ResultOf<typeof PageDocument>['page']>;
type BlockNode = NonNullable<PageResult['blocks']>[number];

/** A page of the list (a content node in one resolved locale, without its blocks). */
const pageRowOf = (p: PageRow) => ({
  id: p.id ?? '',
  title: p.title ?? '',
  slug: p.slug ?? '',
  status: p.status ?? 'draft',
  updatedAt: p.updatedAt ?? '',
});
export type PageNode = ReturnType<typeof pageRowOf>;

/** A block of a page (its place is its index in the page's list). */
const blockOf = (b: BlockNode) => ({
  id: b.id ?? '',
  position: b.position ?? 0,
  type: b.type ?? '',
  data: (b.data ?? {}) as Readonly<Record<string, unknown>>,
});
export type PageBlock = ReturnType<typeof blockOf>;

const pageOf = (p: PageResult | null | undefined) => {
  if (!p) throw new Error('no page in the answer');
  return {
    id: p.id ?? '',
    title: p.title ?? '',
    slug: p.slug ?? '',
    status: p.status ?? 'draft',
    revision: p.revision ?? 0,
    publishedAt: p.publishedAt ?? null,
    allowedTransitions: p.allowedTransitions ?? [],
    blocks: (p.blocks ?? []).map(blockOf),
  };
};
export type Page = ReturnType<typeof pageOf>;

/** A block as it is sent: its kind and the data that kind's schema checks. */
export interface BlockInput {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A page holds at most this many blocks (the server's limit). */
export const MAX_BLOCKS = 100;

export const pagesQuery = queryOptions({
  queryKey: ['pages', 'list'],
  queryFn: async () => ({ items: ((await gql(PageListDocument)).pages?.items ?? []).map(pageRowOf) }),
});

export const pageQuery = (id: string) =>
  queryOptions({ queryKey: ['pages', 'page', id], queryFn: async () => pageOf((await gql(PageDocument, { id })).page) });

export const createPage = async (input: { title: string; slug?: string }): Promise<{ id: string }> => ({
  id: (await gql(CreatePageDocument, { input })).createPage?.id ?? '',
});

export const putBlocks = async ({ id, blocks }: { id: string; blocks: readonly BlockInput[] }) =>
  pageOf((await gql(PutBlocksDocument, { id, blocks: [...blocks] })).putPageBlocks);

export const publishPage = async (id: string) => pageOf((await gql(PublishPageDocument, { id })).publishPage);

/** Changes the page's title and slug (in its locale). */
export const updatePage = async ({ id, ...input }: { id: string; title: string; slug: string }) =>
  pageOf((await gql(UpdatePageDocument, { id, input })).updatePage);
