import { contentErrors } from './errors.js';
import type { NODE_STATUSES } from './events.js';

export type NodeStatus = (typeof NODE_STATUSES)[number];

/** draft → published | scheduled; scheduled → published | draft; published → archived | draft; archived → draft. */
const TRANSITIONS: Readonly<Record<NodeStatus, readonly NodeStatus[]>> = {
  draft: ['published', 'scheduled'],
  scheduled: ['published', 'draft'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

export const allowedTransitions = (from: NodeStatus): readonly NodeStatus[] => TRANSITIONS[from];

/** Throws 409 CONTENT_INVALID_TRANSITION naming the allowed targets when `from → to` is not allowed. */
export const assertTransition = (from: NodeStatus, to: NodeStatus): void => {
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  throw contentErrors.CONTENT_INVALID_TRANSITION(
    `A ${from} node cannot become ${to}; allowed from ${from}: ${allowed.join(', ') || 'none'}`,
    { meta: { from, to, allowed } },
  );
};
