import { queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';

const EventStatsDocument = graphql(`
  query EventStats {
    eventStats {
      transport
      reliabilityLevel
      backlog
      oldestPendingAgeSeconds
      deadLetters
      byType {
        type
        published
        pending
        retrying
        dead
      }
    }
  }
`);

const EventDeadLetterListDocument = graphql(`
  query EventDeadLetterList {
    eventDeadLetters(first: 100) {
      items {
        id
        type
        attempts
        lastError
        failedConsumers
        deadAt
      }
    }
  }
`);

const ReplayEventDeadLetterDocument = graphql(`
  mutation ReplayEventDeadLetter($id: ID!) {
    replayEventDeadLetter(id: $id) {
      id
      replayed
    }
  }
`);

type Stats = NonNullable<ResultOf<typeof EventStatsDocument>['eventStats']>;
type TypeCounts = NonNullable<Stats['byType']>[number];
type DeadLetterNode = NonNullable<NonNullable<ResultOf<typeof EventDeadLetterListDocument>['eventDeadLetters']>['items']>[number];

const countsOf = (c: TypeCounts) => ({
  type: c.type ?? '',
  published: c.published ?? 0,
  pending: c.pending ?? 0,
  retrying: c.retrying ?? 0,
  dead: c.dead ?? 0,
});

/** The event system across the platform (the schema's nullable fields filled in). */
const statsOf = (s: Stats | null) => ({
  transport: s?.transport ?? '',
  reliabilityLevel: s?.reliabilityLevel ?? '',
  backlog: s?.backlog ?? 0,
  oldestPendingAgeSeconds: s?.oldestPendingAgeSeconds ?? null,
  deadLetters: s?.deadLetters ?? 0,
  byType: (s?.byType ?? []).map(countsOf),
});
export type EventStats = ReturnType<typeof statsOf>;

/** An event that failed every attempt of at least one consumer. */
const deadLetterOf = (d: DeadLetterNode) => ({
  id: d.id ?? '',
  type: d.type ?? '',
  attempts: d.attempts ?? 0,
  lastError: d.lastError ?? '',
  failedConsumers: d.failedConsumers ?? [],
  deadAt: d.deadAt ?? '',
});
export type DeadLetter = ReturnType<typeof deadLetterOf>;

export const eventStatsQuery = queryOptions({
  queryKey: ['events', 'stats'],
  queryFn: async () => statsOf((await gql(EventStatsDocument)).eventStats),
  refetchInterval: 10_000,
});

export const deadLettersQuery = queryOptions({
  queryKey: ['events', 'dlq'],
  queryFn: async () => ({ items: ((await gql(EventDeadLetterListDocument)).eventDeadLetters?.items ?? []).map(deadLetterOf) }),
});

export const replayDeadLetter = async (id: string) => {
  const { replayEventDeadLetter: replay } = await gql(ReplayEventDeadLetterDocument, { id });
  return { id: replay?.id ?? id, replayed: replay?.replayed ?? false };
};
