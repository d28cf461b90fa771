import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const SearchIndexStatusDocument = graphql(`
  query SearchIndexStatus {
    indexStatus {
      products {
        published
        lastIndexedAt
        lastEventAt
      }
      content {
        published
        lastIndexedAt
        lastEventAt
      }
      rebuilds {
        kind
        locale
        startedAt
        processed
        finishedAt
      }
    }
  }
`);

const RequestIndexRebuildDocument = graphql(`
  mutation RequestIndexRebuild($kinds: [IndexKind!]) {
    requestIndexRebuild(kinds: $kinds) {
      eventId
      kinds
    }
  }
`);

type Status = NonNullable<ResultOf<typeof SearchIndexStatusDocument>['indexStatus']>;
type Table = Status['products'];
type Run = NonNullable<Status['rebuilds']>[number];

const tableOf = (t: Table) => ({
  published: t?.published ?? 0,
  lastIndexedAt: t?.lastIndexedAt ?? null,
  lastEventAt: t?.lastEventAt ?? null,
});

const runOf = (r: Run) => ({
  kind: r.kind ?? '',
  locale: r.locale ?? null,
  startedAt: r.startedAt ?? '',
  processed: r.processed ?? 0,
  finishedAt: r.finishedAt ?? null,
});

/** The tenant's storefront read models and their rebuild runs (the schema's nullable fields filled in). */
const statusOf = (s: Status | null) => ({
  products: tableOf(s?.products ?? null),
  content: tableOf(s?.content ?? null),
  rebuilds: (s?.rebuilds ?? []).map(runOf),
});
export type IndexStatus = ReturnType<typeof statusOf>;

export const indexStatusQuery = queryOptions({
  queryKey: ['index', 'status'],
  queryFn: async () => statusOf((await gql(SearchIndexStatusDocument)).indexStatus),
  refetchInterval: 2_000,
});

export const requestRebuild = async (kinds: ('products' | 'content')[]) =>
  (await gql(RequestIndexRebuildDocument, { kinds })).requestIndexRebuild;
