import { kernelErrors, parseInput } from '@rustok/kernel';
import { type ContentContext, type ContentTx, inTenant, requirePermission } from '../context.js';
import { NODE_EVENT } from '../events.js';

import { loadNode, readNode, recordChange } from '../node-store.js';

import { type ContentNode, TransitionInput } from '../schemas.js';

import { loadSettings } from '../settings.js';

import { assertTransition, type NodeStatus } from '../status.js';

const EVENT_OF: Readonly<Record<NodeStatus, string>> = {
  draft: NODE_EVENT.updated,
  scheduled: NODE_EVENT.updated,
  published: NODE_EVENT.published,
  archived: NODE_EVENT.archived,
};

const futurePublishAt = (publishAt: string | undefined, now: Date): Date => {
  const at = publishAt ? new Date(publishAt) : undefined;
  if (!at || Number.isNaN(at.getTime()) || at <= now) {
    throw kernelErrors.VALIDATION_FAILED('Scheduling needs a publishAt in the future', {
      errors: [{ path: 'publishAt', message: 'must be a future date-time' }],
    });
  }
  return at;
};

/** Moves one node along the state machine inside the caller's transaction (409 naming the allowed targets otherwise). */
export const transitionInTx = async (w: ContentTx, id: string, input: TransitionInput, now = new Date()): Promise<void> => {
  const node = await loadNode(w.tx, id, true);
  assertTransition(node.status, input.to);
  const publishAt = input.to === 'scheduled' ? futurePublishAt(input.publishAt, now) : null;
  await w.tx.query(
    `UPDATE content_nodes SET status = $2, publish_at = $3,
       published_at = CASE WHEN $2 = 'published' THEN $4::timestamptz ELSE published_at END
     WHERE id = $1`,
    [id, input.to, publishAt, now],
  );
  await recordChange(w, id, input.to, EVENT_OF[input.to], [`status:${node.status}->${input.to}`]);
};

/** POST /content/nodes/{id}/transitions { to, publishAt? }. */
export const transitionNode = (ctx: ContentContext, id: string, raw: TransitionInput): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    const input = parseInput(TransitionInput, raw);
    requirePermission(w.actor, 'content.nodes.publish');
    await transitionInTx(w, id, input);
    return readNode(w.tx, id, await loadSettings(w.tx));
  });

/** POST /content/nodes/{id}/publish: the transition to published. */
export const publishNode = (ctx: ContentContext, id: string): Promise<ContentNode> => transitionNode(ctx, id, { to: 'published' });

/** Archives a published node. */
export const archiveNode = (ctx: ContentContext, id: string): Promise<ContentNode> => transitionNode(ctx, id, { to: 'archived' });
