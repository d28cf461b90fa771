import { seedTx } from '@rustok/api';
import type { SeedContext } from '@rustok/kernel';
import type { ContentTx } from './context.js';
import { loadNode } from './node-store.js';
import { loadSettings } from './settings.js';
import { writeTranslation } from './translation-store.js';
import { createNodeInTx } from './use-cases/create-node.js';
import { transitionInTx } from './use-cases/transition-node.js';

const DEMO = [
  {
    title: 'Welcome to RusToK',
    body: '# Welcome\n\nThis is a **demo** post. Edit it in the admin.',
    ru: { title: 'Добро пожаловать в RusToK', body: '# Добро пожаловать\n\nЭто **демонстрационная** запись.' },
  },
  { title: 'Content and commerce, one platform', body: 'Nodes, translations, revisions and a status machine.' },
  { title: 'About us', body: 'A page-like node of the demo tenant.' },
];

/**
 * Demo data of the default tenant: a few published posts, one with a Russian translation, written
 * through the same use-cases as the API: their events go to the outbox and reach the read models.
 */
export const seedContentDemo = async (ctx: SeedContext): Promise<void> => {
  const w: ContentTx = seedTx(ctx);
  const settings = await loadSettings(w.tx);
  for (const item of DEMO) {
    const id = await createNodeInTx(w, { kind: 'post', title: item.title, body: item.body, locale: settings.defaultLocale });
    if (item.ru && settings.supportedLocales.includes('ru')) {
      await writeTranslation(w, await loadNode(w.tx, id), settings, 'ru', item.ru);
    }
    await transitionInTx(w, id, { to: 'published' });
  }
  ctx.logger.info({ nodes: DEMO.length }, 'content demo nodes created');
};
