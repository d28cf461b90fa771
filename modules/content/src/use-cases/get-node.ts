import { type ContentContext, inTenant } from '../context.js';
import { nodeNotFound, readNode } from '../node-store.js';

import type { ContentNode } from '../schemas.js';

import { assertLocale, loadSettings } from '../settings.js';

/**
 * GET /content/nodes/{id}?locale=: the node in the requested locale, else the tenant's default,
 * else any. Callers without content.nodes.read see published nodes only.
 */
export const getNode = (ctx: ContentContext, id: string, locale?: string): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    const settings = await loadSettings(w.tx);
    if (locale !== undefined) assertLocale(settings, locale);
    const node = await readNode(w.tx, id, settings, locale);
    if (node.status !== 'published' && !w.actor.can('content.nodes.read')) throw nodeNotFound(id);
    return node;
  });
