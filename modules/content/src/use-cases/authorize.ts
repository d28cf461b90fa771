import { type ContentActor, forbidden } from '../context.js';
import type { NodeRow } from '../node-store.js';

/** `content.nodes.update` edits any node; `content.nodes.update_own` only the actor's own. */
export const assertCanEdit = (actor: ContentActor, node: NodeRow): void => {
  if (actor.can('content.nodes.update')) return;
  if (actor.can('content.nodes.update_own') && actor.userId !== null && node.author_id === actor.userId) return;
  throw forbidden('Editing this node needs content.nodes.update (or content.nodes.update_own for your own nodes)');
};
