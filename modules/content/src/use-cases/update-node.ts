import { parseInput } from '@rustok/kernel';

import { type ContentContext, type ContentTx, inTenant } from '../context.js';
import { NODE_EVENT } from '../events.js';

import { loadNode, type NodeRow, readNode, recordChange } from '../node-store.js';

import { assertCategory, setTags } from '../refs.js';

import { type ContentNode, UpdateNodeInput } from '../schemas.js';

import { loadSettings } from '../settings.js';

import { hasTranslationFields, writeTranslation } from '../translation-store.js';

import { assertCanEdit } from './authorize.js';

/** Node-level fields that changed (as `changes` of the event). */
const nodeChanges = (input: UpdateNodeInput): string[] =>
  (['categoryId', 'tagIds', 'position', 'metadata'] as const).filter((k) => input[k] !== undefined);

/** Changes node fields and, for one locale, translation fields inside the caller's transaction (no permission check). */
export const updateNodeInTx = async (w: ContentTx, id: string, raw: UpdateNodeInput): Promise<void> => {
  const input = parseInput(UpdateNodeInput, raw);
  const node = await loadNode(w.tx, id, true);
  await applyUpdate(w, node, input);
};

const applyUpdate = async (w: ContentTx, node: NodeRow, input: UpdateNodeInput): Promise<void> => {
  const id = node.id;
  const settings = await loadSettings(w.tx);
  const locale = input.locale ?? settings.defaultLocale;
  const changes = nodeChanges(input);
  if (input.categoryId !== undefined) await assertCategory(w.tx, input.categoryId);
  await w.tx.query(
    `UPDATE content_nodes SET
       category_id = CASE WHEN $2 THEN $3::uuid ELSE category_id END,
       position = COALESCE($4, position),
       metadata = COALESCE($5::jsonb, metadata)
     WHERE id = $1`,
    [
      id,
      input.categoryId !== undefined,
      input.categoryId ?? null,
      input.position ?? null,
      input.metadata ? JSON.stringify(input.metadata) : null,
    ],
  );
  if (input.tagIds) await setTags(w.tx, id, input.tagIds);
  if (hasTranslationFields(input)) {
    await writeTranslation(w, node, settings, locale, input);
    changes.push(`translations.${locale}`);
  }
  if (changes.length > 0) await recordChange(w, id, 'updated', NODE_EVENT.updated, changes);
};

/** PATCH /content/nodes/{id}: node fields and, for one locale, translation fields. A revision is kept. */
export const updateNode = (ctx: ContentContext, id: string, raw: UpdateNodeInput): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    const input = parseInput(UpdateNodeInput, raw);
    const node = await loadNode(w.tx, id, true);
    assertCanEdit(w.actor, node);
    await applyUpdate(w, node, input);
    return readNode(w.tx, id, await loadSettings(w.tx), input.locale);
  });
