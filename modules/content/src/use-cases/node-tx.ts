import type { ContentTx } from '../context.js';
import { readNode } from '../node-store.js';
import type { ContentNode } from '../schemas.js';
import { loadSettings } from '../settings.js';

/** Kinds of the given node ids that exist in the tenant (others are absent from the map). */
export const nodeKindsInTx = async (w: ContentTx, ids: readonly string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const { rows } = await w.tx.query<{ id: string; kind: string }>('SELECT id, kind FROM content_nodes WHERE id = ANY($1::uuid[])', [
    [...ids],
  ]);
  return new Map(rows.map((r) => [r.id, r.kind]));
};

/** One node in full (requested locale → tenant default → any), or null when the tenant has none with this id. */
export const findNodeInTx = async (w: ContentTx, id: string, locale?: string): Promise<ContentNode | null> => {
  if (!(await nodeKindsInTx(w, [id])).has(id)) return null;
  return readNode(w.tx, id, await loadSettings(w.tx), locale);
};
