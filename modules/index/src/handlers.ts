import { NODE_EVENT } from '@rustok/content/contracts';
import { FLEX_EVENT } from '@rustok/flex/contracts';
import { type EventEnvelope, type EventHandlerDeclaration, type HandlerContext, on, type SqlRunner } from '@rustok/kernel';
import { type ModuleToggledPayload, moduleToggled, type TenantUpdatedPayload, tenantUpdated } from '@rustok/tenancy';
import type { ApplyMeta } from './apply/common.js';
import { refreshNodes, removeNode } from './apply/content-refresh.js';
import { nodesInCategory } from './apply/content-store.js';
import { applyCustomEvent, applyFlexSwitch, applySchemaChange, type CustomChange } from './apply/custom-refresh.js';
import { forgetProductSettings, refreshProducts } from './apply/products-refresh.js';
import { type ReindexRequestedPayload, reindexRequested } from './events.js';
import { flexListHandler } from './flex-lists.js';
import { rebuildInTx } from './rebuild/in-tx.js';
import { type IndexChangeTags, recordApplied } from './runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID field of a payload from another module (read defensively: only the id is needed). */
const idField = (payload: unknown, key: string): string | undefined => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
};

/**
 * Once the handler's transaction commits: the tenant's cached answers go stale, the lag moves on,
 * and the listeners hear what changed (`tags`: `product:<id>` and `products`, `node:<id>` and `content`, or all).
 */
const afterCommit = (ctx: HandlerContext, event: EventEnvelope, tags: IndexChangeTags): void => {
  const tx = ctx.tx as SqlRunner & { afterCommit?: (fn: () => void) => void };
  if (tx.afterCommit) tx.afterCommit(() => recordApplied(ctx.tenantId, event.occurredAt, tags));
  else recordApplied(ctx.tenantId, event.occurredAt, tags);
};

const metaOf = (event: EventEnvelope): ApplyMeta => ({ occurredAt: event.occurredAt });

/** The products a delivery's events name, each with the meta of the newest event about it. */
const productChanges = (events: readonly EventEnvelope[]): Map<string, ApplyMeta> => {
  const changes = new Map<string, ApplyMeta>();
  for (const event of events) {
    const id = idField(event.payload, 'productId');
    if (id) changes.set(id, metaOf(event));
  }
  return changes;
};

/** Every product event of a delivery at once: each product named is read and written once. */
const handleProductBatch = async (events: readonly EventEnvelope[], ctx: HandlerContext): Promise<void> => {
  const changes = productChanges(events);
  await refreshProducts(ctx.tx, ctx.tenantId, changes);
  const last = events.at(-1);
  if (last) afterCommit(ctx, last, ['products', ...[...changes.keys()].map((id) => `product:${id}`)]);
};

const handleProducts = (event: EventEnvelope, ctx: HandlerContext): Promise<void> => handleProductBatch([event], ctx);

const handleContent = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const meta = metaOf(event);
  const payload = event.payload;
  const nodeId = idField(payload, 'nodeId');
  const changed: string[] = [];
  if (event.type === NODE_EVENT.deleted && nodeId) {
    await removeNode(ctx.tx, nodeId, meta);
    changed.push(nodeId);
  } else if (event.type.startsWith('content.node.') && nodeId) {
    const parents = await refreshNodes(ctx.tx, [nodeId], meta);
    if (event.type === NODE_EVENT.created) await refreshNodes(ctx.tx, parents, meta);
    changed.push(nodeId, ...parents);
  } else if (event.type.startsWith('content.category.')) {
    const categoryId = idField(payload, 'categoryId');
    const nodes = categoryId ? await nodesInCategory(ctx.tx, categoryId) : [];
    await refreshNodes(ctx.tx, nodes, meta);
    changed.push(...nodes);
  } else {
    // forum.reply.* / blog.comment.*: the topic's or post's reply count moved; pages.page.*: a page's
    // blocks or fields changed (its node is read again, and the pages showing it are purged).
    const parent = idField(payload, 'topicId') ?? idField(payload, 'postId') ?? idField(payload, 'pageId');
    if (parent) await refreshNodes(ctx.tx, [parent], meta);
    if (parent) changed.push(parent);
  }
  afterCommit(ctx, event, ['content', ...changed.map((id) => `node:${id}`)]);
};

/**
 * A menu was made, changed or deleted (pages.menu.updated): nothing of the index moves, but the
 * listeners hear `menu:<handle>` (the storefront's pages showing the menu are purged).
 */
const handleMenu = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  const handle = (event.payload as Record<string, unknown> | null)?.handle;
  if (typeof handle === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(handle)) afterCommit(ctx, event, [`menu:${handle}`]);
};

const handleReindex = async (event: EventEnvelope<ReindexRequestedPayload>, ctx: HandlerContext): Promise<void> => {
  const payload = event.payload;
  const report = await rebuildInTx(ctx.tx, { kinds: payload.kinds, locale: payload.locale ?? undefined });
  ctx.logger.info({ report, reason: payload.reason }, 'index rebuilt');
  afterCommit(ctx, event, 'all');
};

/**
 * The commerce settings of a tenant changed (how its storefront shows stock): every
 * product row depends on them, so the tenant's products are rebuilt in this transaction.
 */
const handleModuleToggled = async (event: EventEnvelope<ModuleToggledPayload>, ctx: HandlerContext): Promise<void> => {
  const payload = event.payload;
  if (payload.module !== 'commerce' || !payload.enabled || !payload.settingsChanged) return;
  forgetProductSettings(ctx.tenantId);
  const report = await rebuildInTx(ctx.tx, { kinds: ['products'] });
  ctx.logger.info({ report, reason: 'commerce settings changed' }, 'index rebuilt');
  afterCommit(ctx, event, 'all');
};

/**
 * Public attached flex values of a product (flex.values.updated / deleted): its rows in every locale
 * show them under `custom`; flex switched off for the tenant (tenancy.module.toggled): they leave
 * the rows until it is switched on again; a product schema changed (flex.schema.updated): its stored
 * values take its localized and searchable keys now. When searchable values came or went, the products' rows
 * are written again from the catalog (their search vectors read the values' text). The product's
 * pages are purged like on a price change.
 */
const handleCustom = async (event: EventEnvelope, ctx: HandlerContext): Promise<void> => {
  let changed: CustomChange[] = [];
  if (event.type === moduleToggled.type) {
    const payload = event.payload as ModuleToggledPayload;
    if (payload.module !== 'flex') return;
    changed = await applyFlexSwitch(ctx.tx, payload.enabled);
  } else if (event.type === FLEX_EVENT.schemaUpdated) {
    changed = await applySchemaChange(ctx.tx, event);
  } else {
    const change = await applyCustomEvent(ctx.tx, event);
    if (change) changed = [change];
  }
  const search = changed.filter((c) => c.searchChanged);
  const meta = { occurredAt: event.occurredAt };
  if (search.length > 0) await refreshProducts(ctx.tx, ctx.tenantId, new Map(search.map((c) => [c.productId, meta])));
  if (changed.length > 0) afterCommit(ctx, event, ['products', ...changed.map((c) => `product:${c.productId}`)]);
};

/** The tenant's locales changed (`tenancy.tenant.updated` naming `settings.locales`): every row is rewritten for them. */
const handleTenantUpdated = async (event: EventEnvelope<TenantUpdatedPayload>, ctx: HandlerContext): Promise<void> => {
  if (!event.payload.changes.includes('settings.locales')) return;
  forgetProductSettings(ctx.tenantId);
  const report = await rebuildInTx(ctx.tx);
  ctx.logger.info({ report }, "index rebuilt for the tenant's new locales");
  afterCommit(ctx, event, 'all');
};

/** The index's consumers: each re-reads the write model for what an event names and rewrites those rows. */
export const indexHandlers: readonly EventHandlerDeclaration[] = [
  {
    consumer: 'index.products',
    // An order's stock moves come as commerce.inventory.adjusted (one per reserved line), so
    // commerce.order.placed itself changes nothing of a product's row.
    types: ['commerce.product.*', 'commerce.variant.*', 'commerce.price.*', 'commerce.inventory.*'],
    handle: handleProducts,
    handleBatch: handleProductBatch,
  },
  {
    consumer: 'index.content',
    types: ['content.node.*', 'content.category.*', 'forum.reply.*', 'blog.comment.*', 'pages.page.*'],
    handle: handleContent,
  },
  { consumer: 'index.menus', types: ['pages.menu.updated'], handle: handleMenu },
  {
    consumer: 'index.custom',
    types: [FLEX_EVENT.valuesUpdated, FLEX_EVENT.valuesDeleted, FLEX_EVENT.schemaUpdated, moduleToggled.type],
    handle: handleCustom,
  },
  on('index.rebuild', reindexRequested, handleReindex),
  on('index.settings', moduleToggled, handleModuleToggled),
  on('index.locales', tenantUpdated, handleTenantUpdated),
  flexListHandler,
];
