/**
 * The public entry of the index module: rebuild and verify (the command line, the demo seed) and the
 * event it publishes. Everything else is reached over HTTP and GraphQL.
 */
export type { ReindexRequestedPayload } from './events.js';
export { INDEX_EVENT, INDEX_KINDS, type IndexKind } from './events.js';
export { type RebuildOptions, type RebuildReport, rebuildInTx } from './rebuild/in-tx.js';
export { type RebuildProgress, type RunOptions, rebuildTenant } from './rebuild/run.js';
export { type IndexChangeListener, type IndexChangeTags, onIndexApplied } from './runtime.js';
export type {
  ProductFacets,
  StoreContentItem,
  StoreContentPage,
  StoreContentQuery,
  StoreImage,
  StoreProduct,
  StoreProductPage,
  StoreProductSummary,
  StoreProductsQuery,
  StoreVariant,
} from './schemas.js';
export { searchConfigOf } from './text.js';
export { type DriftReport, type DriftSample, type VerifyOptions, verifyTenant } from './verify/verify.js';
