import { fastifyOf, type GraphQLBuilder, tenantOfContext } from '@rustok/kernel';
import { type IndexStatus, indexStatus, type RebuildRun, type TableStatus } from '../use-cases/status.js';

/** `indexStatus`: rows per read model, last writes and rebuild runs of the tenant (as GET /index/status). */
export const addStatusQuery = (builder: GraphQLBuilder): void => {
  const Table = builder.objectRef<TableStatus>('IndexTableStatus').implement({
    fields: (t) => ({
      published: t.exposeInt('published'),
      tombstones: t.exposeInt('tombstones'),
      lastIndexedAt: t.exposeString('lastIndexedAt', { nullable: true }),
      lastEventAt: t.exposeString('lastEventAt', { nullable: true }),
    }),
  });
  const Run = builder.objectRef<RebuildRun>('IndexRebuildRun').implement({
    fields: (t) => ({
      kind: t.exposeString('kind'),
      locale: t.exposeString('locale', { nullable: true }),
      startedAt: t.exposeString('startedAt'),
      processed: t.exposeInt('processed'),
      finishedAt: t.exposeString('finishedAt', { nullable: true }),
    }),
  });
  const Status = builder.objectRef<IndexStatus>('IndexStatus').implement({
    fields: (t) => ({
      products: t.field({ type: Table, resolve: (s) => s.products }),
      content: t.field({ type: Table, resolve: (s) => s.content }),
      rebuilds: t.field({ type: [Run], resolve: (s) => s.rebuilds }),
    }),
  });
  builder.queryField('indexStatus', (t) =>
    t.field({
      type: Status,
      description: "The tenant's rows per read model, last writes and rebuild runs",
      authScopes: { permission: 'index.status.read' },
      resolve: (_root, _args, ctx) => indexStatus(fastifyOf(ctx).rustok.db, tenantOfContext(ctx).id),
    }),
  );
};
