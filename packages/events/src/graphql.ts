import { connectionType, fastifyOf, type GraphQLBuilder, pageOf, parseId } from '@rustok/kernel';
import type {} from './admin-routes.js';
import type { DeadLetter, OutboxStats } from './outbox/admin.js';

type Stats = OutboxStats & { transport: string; reliabilityLevel: string };

const addTypes = (builder: GraphQLBuilder) => {
  const TypeCounts = builder.objectRef<Stats['byType'][number]>('EventTypeCounts').implement({
    fields: (t) => ({
      type: t.exposeString('type'),
      published: t.exposeInt('published'),
      pending: t.exposeInt('pending'),
      dispatched: t.exposeInt('dispatched'),
      retrying: t.exposeInt('retrying'),
      dead: t.exposeInt('dead'),
    }),
  });
  const StatsType = builder.objectRef<Stats>('EventStats').implement({
    description: 'Outbox backlog and counts per event type, every tenant',
    fields: (t) => ({
      transport: t.exposeString('transport'),
      reliabilityLevel: t.exposeString('reliabilityLevel'),
      backlog: t.exposeInt('backlog'),
      oldestPendingAgeSeconds: t.exposeFloat('oldestPendingAgeSeconds', { nullable: true }),
      deadLetters: t.exposeInt('deadLetters'),
      byType: t.field({ type: [TypeCounts], resolve: (s) => [...s.byType] }),
    }),
  });
  const DeadLetterType = builder.objectRef<DeadLetter>('EventDeadLetter').implement({
    description: 'An event that failed every attempt, waiting for replay',
    fields: (t) => ({
      id: t.exposeID('id'),
      tenantId: t.exposeString('tenantId'),
      type: t.exposeString('type'),
      attempts: t.exposeInt('attempts'),
      lastError: t.exposeString('lastError'),
      failedConsumers: t.exposeStringList('failedConsumers'),
      deadAt: t.exposeString('deadAt'),
      envelope: t.field({ type: 'JSON', resolve: (d) => d.envelope }),
    }),
  });
  const Replayed = builder.objectRef<{ id: string; type: string; replayed: boolean }>('EventReplay').implement({
    fields: (t) => ({ id: t.exposeID('id'), type: t.exposeString('type'), replayed: t.exposeBoolean('replayed') }),
  });
  return { Stats: StatsType, DeadLetters: connectionType(builder, 'EventDeadLetterConnection', DeadLetterType), Replayed };
};

/**
 * The event system's administration, as the REST admin routes: platform fields (every tenant's
 * events), for holders of `events.admin.*` — the platform administrator.
 */
export const eventsGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  builder.queryField('eventStats', (t) =>
    t.field({
      type: types.Stats,
      authScopes: { permission: 'events.admin.read' },
      resolve: (_root, _args, ctx) => fastifyOf(ctx).events.stats(),
    }),
  );
  builder.queryField('eventDeadLetters', (t) =>
    t.field({
      type: types.DeadLetters,
      description: 'Dead letters waiting for replay, by id',
      authScopes: { permission: 'events.admin.read' },
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => {
        const page = pageOf(args);
        return fastifyOf(ctx).events.listDeadLetters(page.limit, page.cursor);
      },
    }),
  );
  builder.mutationField('replayEventDeadLetter', (t) =>
    t.field({
      type: types.Replayed,
      description: 'Deliver a dead letter again, now (EVENTS_DEAD_LETTER_NOT_FOUND, EVENTS_REPLAY_FAILED)',
      authScopes: { permission: 'events.admin.replay' },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => ({
        ...(await fastifyOf(ctx).events.replayDeadLetter(parseId(String(args.id)))),
        replayed: true,
      }),
    }),
  );
};
