import { type AppError, isAppError } from '@rustok/kernel';
import type { ContentContext, ContentTx } from './context.js';
import { loadNodeInTx, type NodeHead } from './use-cases/in-tx.js';

/**
 * The kit of a wrapper module (blog, forum, …) over content: its callers hold the wrapper's own
 * permissions, and `withRights` lends content an actor that holds a content permission exactly when
 * the caller holds the wrapper permission mapped to it.
 */
export type Rights = Readonly<Record<string, string>>;

/**
 * Rights that map content's node permissions to a wrapper's own of the same action:
 * `nodeRights('blog.posts', ['read', 'delete'])` lends content.nodes.read to blog.posts.read and
 * content.nodes.delete to blog.posts.delete.
 */
export const nodeRights = (prefix: string, actions: readonly string[]): Rights =>
  Object.fromEntries(actions.map((action) => [`content.nodes.${action}`, `${prefix}.${action}`]));

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

/** Content's 404 for a node, told as the wrapper's own `notFound(id)`; any other error goes on. */
export const renamingNotFound =
  (notFound: (id: string) => AppError) =>
  (id: string) =>
  (error: unknown): never => {
    throw isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND' ? notFound(id) : error;
  };

/** Content's 404 for a node as null (any other error goes on). */
export const absentAsNull = (error: unknown): null => {
  if (isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND') return null;
  throw error;
};

/** A node of the wrapper's kind in the caller's transaction; content's 404, and a node of another kind, become `notFound(id)`. */
export const loadKindInTx = async (
  w: ContentTx,
  id: string,
  kind: string,
  notFound: (id: string) => AppError,
  forUpdate = false,
): Promise<NodeHead> => {
  const node = await loadNodeInTx(w, id, forUpdate).catch(renamingNotFound(notFound)(id));
  if (node.kind !== kind) throw notFound(id);
  return node;
};
