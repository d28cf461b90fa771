/**
 * `@rustok/content/contracts`: what any module may read of content: the node event types and their
 * payload, the node types, and the read ports of the search index (one node's or a page of nodes'
 * index sources, which ids are nodes, in the caller's transaction). Nothing here writes.
 */
export type { NodeEventPayload } from './events.js';
export { NODE_EVENT } from './events.js';
export type { NodeIndexSource, NodeIndexTag, NodeIndexText } from './index-source.js';
export { countNodesForIndex, listNodeIdsForIndex, loadContentLocales, loadNodeIndexSource, loadNodeIndexSources } from './index-source.js';
export { existingNodeIds, nodeFacts } from './node-ids.js';
export type { BodyFormat } from './render.js';
export { renderBody } from './render.js';
export type { ContentCategory, ContentNode, ContentRevision, ContentTag, Paged } from './schemas.js';
export type { ContentSettings } from './settings.js';
export type { NodeStatus } from './status.js';
