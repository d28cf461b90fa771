import { parseInput } from '@rustok/kernel';

import { type ContentContext, inTenant } from '../context.js';
import { NODE_EVENT } from '../events.js';

import { loadNode, readNode, recordChange } from '../node-store.js';

import { type ContentNode, TranslationInput } from '../schemas.js';

import { loadSettings } from '../settings.js';

import { writeTranslation } from '../translation-store.js';

import { assertCanEdit } from './authorize.js';

/** PUT /content/nodes/{id}/translations/{locale}: creates or replaces one locale's title, slug, excerpt and body. */
export const putTranslation = (ctx: ContentContext, id: string, locale: string, raw: TranslationInput): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    const input = parseInput(TranslationInput, raw);
    const node = await loadNode(w.tx, id, true);
    assertCanEdit(w.actor, node);
    const settings = await loadSettings(w.tx);
    await writeTranslation(w, node, settings, locale, {
      ...input,
      excerpt: input.excerpt ?? null,
      body: input.body ?? '',
      bodyFormat: input.bodyFormat ?? 'markdown',
    });
    await recordChange(w, id, 'translated', NODE_EVENT.updated, [`translations.${locale}`]);
    return readNode(w.tx, id, settings, locale);
  });
