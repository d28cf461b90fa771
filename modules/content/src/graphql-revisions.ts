import { graphqlContextOf } from '@rustok/api';
import type { GraphQLBuilder } from '@rustok/kernel';

import { contentNodeRefs, idArg, pageArgs } from './graphql-kit.js';
import type { ContentRevision, Paged } from './schemas.js';

import { listRevisions } from './use-cases/list-revisions.js';

import { restoreRevision } from './use-cases/restore-revision.js';

/** A node's revisions (content.nodes.read) and restoring one (update, or update_own for the author), as over REST. */
export const addRevisionFields = (builder: GraphQLBuilder): void => {
  const { Node } = contentNodeRefs(builder);
  const Revision = builder.objectRef<ContentRevision>('ContentRevision').implement({
    description: 'A snapshot of a node kept by every write',
    fields: (t) => ({
      id: t.exposeID('id'),
      nodeId: t.exposeString('nodeId'),
      number: t.exposeInt('number'),
      action: t.exposeString('action'),
      authorId: t.exposeString('authorId', { nullable: true }),
      createdAt: t.exposeString('createdAt'),
      snapshot: t.field({ type: 'JSON', resolve: (r) => r.snapshot }),
    }),
  });
  const Connection = builder.objectRef<Paged<ContentRevision>>('ContentRevisionConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Revision], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  builder.queryField('contentRevisions', (t) =>
    t.field({
      type: Connection,
      authScopes: { permission: 'content.nodes.read' },
      args: { nodeId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listRevisions(graphqlContextOf(ctx), idArg(args.nodeId), pageArgs(args)),
    }),
  );
  builder.mutationField('restoreContentRevision', (t) =>
    t.field({
      type: Node,
      authScopes: { authenticated: true },
      args: { nodeId: t.arg.id({ required: true }), revisionId: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => restoreRevision(graphqlContextOf(ctx), idArg(args.nodeId), idArg(args.revisionId)),
    }),
  );
};
