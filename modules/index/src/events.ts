import { declareEvent, type EventDeclaration } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const INDEX_KINDS = ['products', 'content'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** A request to rebuild a tenant's read models (from the admin API, GraphQL or the schedule). */
export const ReindexRequestedPayload = Type.Object(
  {
    kinds: Type.Array(Type.Union(INDEX_KINDS.map((k) => Type.Literal(k))), { minItems: 1, maxItems: 2, uniqueItems: true }),
    locale: Type.Union([Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }), Type.Null()]),
    reason: Type.Union([Type.Literal('admin'), Type.Literal('schedule')]),
  },
  { additionalProperties: false },
);
export type ReindexRequestedPayload = Static<typeof ReindexRequestedPayload>;

export const INDEX_EVENT = { reindexRequested: 'index.reindex.requested' } as const;

/** The rebuild request, with its payload type kept for the handler that subscribes to it. */
export const reindexRequested = declareEvent({
  type: INDEX_EVENT.reindexRequested,
  schemaVersion: 1,
  description: "A rebuild of the tenant's storefront read models was asked for; the index module runs it when it handles the event",
  payload: ReindexRequestedPayload,
});

export const indexEvents: readonly EventDeclaration[] = [reindexRequested];
