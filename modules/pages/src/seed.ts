import { seedTx } from '@rustok/api';
import { type ContentTx, createNodeInTx, transitionInTx } from '@rustok/content/kit';
import { generateId, type SeedContext } from '@rustok/kernel';
import { replaceBlocks } from './block-store.js';
import { type BlockInput, parseBlocks } from './blocks.js';
import type { MenuItemInput } from './menu-schemas.js';
import { insertItems, publishMenuEvent } from './menu-store.js';
import { publishPageEvent, readPage } from './page-store.js';

/** A few published products of the demo catalogue for the page's grid (none when commerce is not installed). */
const demoProducts = async (w: ContentTx): Promise<string[]> => {
  const { rows: table } = await w.tx.query<{ name: string | null }>("SELECT to_regclass('commerce_products')::text AS name");
  if (!table[0]?.name) return [];
  const { rows } = await w.tx.query<{ id: string }>(
    "SELECT id FROM commerce_products WHERE status = 'published' ORDER BY created_at, id LIMIT 4",
  );
  return rows.map((r) => r.id);
};

const aboutBlocks = (productIds: readonly string[]): BlockInput[] => [
  { type: 'hero', data: { title: 'About our shop', subtitle: 'Everyday goods, made to last', ctaUrl: '/search' } },
  {
    type: 'rich_text',
    data: { markdown: 'We choose every product **ourselves** and ship within two days. Edit this page in the admin.' },
  },
  ...(productIds.length > 0 ? [{ type: 'product_grid', data: { title: 'Customer favourites', productIds } }] : []),
];

const createMenuInTx = async (w: ContentTx, handle: string, name: string, items: readonly MenuItemInput[]): Promise<void> => {
  const id = generateId();
  await w.tx.query('INSERT INTO pages_menus (id, handle, name) VALUES ($1, $2, $3)', [id, handle, name]);
  await insertItems(w, id, items);
  await publishMenuEvent(w, { id, handle }, 'created');
};

const mainItems = (aboutId: string): MenuItemInput[] => [
  { label: { en: 'Catalog', ru: 'Каталог' }, link: { type: 'url', url: '/search' } },
  { label: { en: 'Blog', ru: 'Блог' }, link: { type: 'url', url: '/blog' } },
  { label: { en: 'Forum', ru: 'Форум' }, link: { type: 'url', url: '/forum' } },
  { label: { en: 'About', ru: 'О нас' }, link: { type: 'page', pageId: aboutId } },
];

/**
 * Demo data of the default tenant: a published "About" page built from blocks (hero, rich text, a
 * grid of demo products) and the `main` and `footer` menus, through the same stores as the API.
 */
export const seedPagesDemo = async (ctx: SeedContext): Promise<void> => {
  const w: ContentTx = seedTx(ctx);
  const id = await createNodeInTx(w, { kind: 'page', title: 'About our shop', slug: 'about', excerpt: 'Who we are and what we sell' });
  await replaceBlocks(w, id, parseBlocks(aboutBlocks(await demoProducts(w))));
  await transitionInTx(w, id, { to: 'published' });
  await publishPageEvent(w, 'published', await readPage(w, id), ['created', 'blocks', 'status']);
  await createMenuInTx(w, 'main', 'Main navigation', mainItems(id));
  await createMenuInTx(w, 'footer', 'Footer', [{ label: { en: 'About us', ru: 'О нас' }, link: { type: 'page', pageId: id } }]);
  ctx.logger.info({ pages: 1, menus: 2 }, 'pages demo data created');
};
