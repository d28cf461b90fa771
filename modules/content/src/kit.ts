/**
 * `@rustok/content/kit`: what the content module lends to the modules built on it (blog, forum,
 * pages): its use-cases, node schemas, route and GraphQL helpers. Wrappers build a ContentContext
 * from their own request and call these. Event types and read ports are in `./contracts`.
 */
export type { ContentActor, ContentContext, ContentEvent, ContentTx } from './context.js';
export * from './contracts.js';
export {
  type ContentNodeRefs,
  contentNodeRefs,
  defined,
  type InputFieldBuilder,
  idArg,
  pageArgs,
  translationInputFields,
} from './graphql-kit.js';
export type { MetadataOrder } from './node-order.js';
export type { BodyFormat } from './render.js';
export { renderBody } from './render.js';
export { addNodeCrudRoutes, type NodeCrudSpec } from './routes/node-crud.js';
export type { TransitionInput, TranslationInput } from './schemas.js';
export { CreateNodeInput, ListNodesQuery, NodeSchema, Page, Slug, UpdateNodeInput } from './schemas.js';
export { Locale } from './settings.js';
export { allowedTransitions } from './status.js';
export { createCategory } from './use-cases/create-category.js';
export { createNode, createNodeInTx } from './use-cases/create-node.js';
export { deleteCategory } from './use-cases/delete-category.js';
export { deleteNode, deleteNodeInTx } from './use-cases/delete-node.js';
export { findNodeIdBySlugInTx, type SlugLookup } from './use-cases/find-by-slug.js';
export { getNode } from './use-cases/get-node.js';
export { loadNodeInTx, mergeMetadataInTx, type NodeHead, readNodeInTx } from './use-cases/in-tx.js';
export { listCategories } from './use-cases/list-categories.js';
export { listNodes, type NodeFilter } from './use-cases/list-nodes.js';
export { listRevisions } from './use-cases/list-revisions.js';
export { findNodeInTx, nodeKindsInTx } from './use-cases/node-tx.js';
export { publishDue, publishDueAllTenants } from './use-cases/publish-due.js';
export { putTranslation } from './use-cases/put-translation.js';
export { restoreRevision } from './use-cases/restore-revision.js';
export { createTag, listTags } from './use-cases/tags.js';
export { archiveNode, publishNode, transitionInTx, transitionNode } from './use-cases/transition-node.js';
export { updateCategory } from './use-cases/update-category.js';
export { updateNode, updateNodeInTx } from './use-cases/update-node.js';
export { absentAsNull, loadKindInTx, nodeRights, type Rights, renamingNotFound, withRights } from './wrapper.js';
