import { generateId, kernelErrors, parseInput } from '@rustok/kernel';
import { type ContentContext, type ContentTx, inTenant, requirePermission } from '../context.js';
import { contentErrors } from '../errors.js';
import { NODE_EVENT } from '../events.js';

import { loadNode, type NodeRow, readNode, recordChange } from '../node-store.js';

import { assertCategory, setTags } from '../refs.js';

import { type ContentNode, CreateNodeInput } from '../schemas.js';

import { loadSettings } from '../settings.js';

import { writeTranslation } from '../translation-store.js';

const MAX_DEPTH = 64;

/** The parent (same tenant) and the depth below it; the parent's reply count goes up by one. */
const attachToParent = async (w: ContentTx, parentId: string | null | undefined): Promise<number> => {
  if (!parentId) return 0;
  const { rows } = await w.tx.query<{ depth: number }>(
    'UPDATE content_nodes SET reply_count = reply_count + 1 WHERE id = $1 RETURNING depth',
    [parentId],
  );
  const parent = rows[0];
  if (!parent) {
    throw kernelErrors.VALIDATION_FAILED(`No parent node ${parentId}`, { errors: [{ path: 'parentId', message: 'does not exist' }] });
  }
  if (parent.depth + 1 > MAX_DEPTH) throw contentErrors.CONTENT_TOO_DEEP(`Nodes nest at most ${MAX_DEPTH} levels`);
  return parent.depth + 1;
};

const insertNode = async (w: ContentTx, input: CreateNodeInput, depth: number): Promise<NodeRow> => {
  const id = generateId();
  await w.tx.query(
    `INSERT INTO content_nodes (id, kind, parent_id, author_id, category_id, position, depth, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      input.kind,
      input.parentId ?? null,
      w.actor.userId,
      input.categoryId ?? null,
      input.position ?? 0,
      depth,
      JSON.stringify(input.metadata ?? {}),
    ],
  );
  return loadNode(w.tx, id);
};

/** Writes a new draft node with its first translation inside the caller's transaction. */
export const createNodeInTx = async (w: ContentTx, raw: CreateNodeInput): Promise<string> => {
  const input = parseInput(CreateNodeInput, raw);
  const settings = await loadSettings(w.tx);
  const locale = input.locale ?? settings.defaultLocale;
  await assertCategory(w.tx, input.categoryId);
  const node = await insertNode(w, input, await attachToParent(w, input.parentId));
  await writeTranslation(w, node, settings, locale, input);
  if (input.tagIds) await setTags(w.tx, node.id, input.tagIds);
  await recordChange(w, node.id, 'created', NODE_EVENT.created, ['created']);
  return node.id;
};

/** POST /content/nodes: a draft node in one locale (the tenant's default unless given). */
export const createNode = (ctx: ContentContext, input: CreateNodeInput): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    requirePermission(w.actor, 'content.nodes.create');
    const id = await createNodeInTx(w, input);
    return readNode(w.tx, id, await loadSettings(w.tx), input.locale);
  });
