import { tenantLocales } from '@rustok/api';
import { loadNodeIndexSource, type NodeIndexSource } from '@rustok/content/contracts';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, alreadyRead, lockItem, type TenantLocales } from './common.js';
import { projectNode } from './content-project.js';
import { deleteNodeTree, indexedParentOf, tombstoneNode, writeContentRows } from './content-store.js';

/** Writes what the write model says about one node (already locked, source already read). */
export const applyNode = async (
  tx: SqlRunner,
  nodeId: string,
  source: NodeIndexSource | null,
  locales: TenantLocales,
  meta: ApplyMeta,
  onlyLocale?: string,
): Promise<void> => {
  if (!source) {
    await deleteNodeTree(tx, nodeId, meta);
    return;
  }
  if (source.status !== 'published') return tombstoneNode(tx, nodeId, source.status, source.revision, meta);
  const rows = projectNode(source, locales).filter((r) => onlyLocale === undefined || r.locale === onlyLocale);
  await writeContentRows(tx, nodeId, rows, source.revision, meta, onlyLocale === undefined);
};

/**
 * Re-reads each node from the write model (under its lock) and brings its rows up to date; returns
 * the parents of the nodes read (their reply counts may have moved with them).
 */
export const refreshNodes = async (tx: SqlRunner, nodeIds: Iterable<string>, meta: ApplyMeta): Promise<Set<string>> => {
  const parents = new Set<string>();
  const ids = [...new Set(nodeIds)].sort();
  if (ids.length === 0) return parents;
  const locales = await tenantLocales(tx);
  for (const id of ids) {
    if (alreadyRead(tx, 'node', id)) continue;
    await lockItem(tx, 'node', id);
    const source = await loadNodeIndexSource(tx, id);
    await applyNode(tx, id, source, locales, meta);
    if (source?.parentId) parents.add(source.parentId);
  }
  return parents;
};

/** A node was deleted: its indexed subtree leaves the storefront and its parent's reply count is read again. */
export const removeNode = async (tx: SqlRunner, nodeId: string, meta: ApplyMeta): Promise<void> => {
  const parent = await indexedParentOf(tx, nodeId);
  await refreshNodes(tx, [nodeId], meta);
  if (parent) await refreshNodes(tx, [parent], meta);
};
