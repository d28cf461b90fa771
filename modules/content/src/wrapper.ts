import { type AppError, isAppError } from '@rustok/kernel';
import type { ContentContext, ContentTx } from './context.js';
import { loadNodeInTx, type NodeHead } from './use-cases/in-tx.js';

/**
 * The kit of a wrapper module (blog, forum, …) over content: its callers hold the wrapper's own
 * permissions, and `withRights` lends content an actor that holds a content permission exactly when
 * the caller holds the wrapper permission mapped to it.
 */
export type Rights = Readonly<Record<string, string>>;

export const withRights = (ctx: ContentContext, rights: Rights): ContentContext => ({
  ...ctx,
  actor: {
    userId: ctx.actor.userId,
    can: (permission) => {
      const mapped = rights[permission];
      return mapped !== undefined && ctx.actor.can(mapped);
    },
  },
});

/** A node of the wrapper's kind in the caller's transaction; content's 404, and a node of another kind, become `notFound(id)`. */
export const loadKindInTx = async (
  w: ContentTx,
  id: string,
  kind: string,
  notFound: (id: string) => AppError,
  forUpdate = false,
): Promise<NodeHead> => {
  const node = await loadNodeInTx(w, id, forUpdate).catch((error: unknown) => {
    throw isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND' ? notFound(id) : error;
  });
  if (node.kind !== kind) throw notFound(id);
  return node;
};
