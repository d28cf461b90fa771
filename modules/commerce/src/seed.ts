import { seedTx } from '@rustok/api';
import type { SeedContext } from '@rustok/kernel';
import type { CommerceTx } from './context.js';
import type { CreateProductInput } from './schemas/catalog.js';
import { loadCommerceSettings } from './settings.js';
import { createProductInTx } from './use-cases/catalog/create-product.js';

const prices = (usd: number, eur: number, rub: number) => [
  { amount: usd, currencyCode: 'USD' },
  { amount: eur, currencyCode: 'EUR' },
  { amount: rub, currencyCode: 'RUB' },
];

const DEMO: readonly CreateProductInput[] = [
  {
    title: 'Classic T-shirt',
    subtitle: 'Organic cotton',
    description: 'A soft everyday T-shirt.',
    categories: ['apparel'],
    tags: ['cotton', 'basics'],
    images: [{ url: 'https://images.example.com/demo/t-shirt.jpg', alt: 'Classic T-shirt' }],
    variants: ['S', 'M', 'L'].map((size) => ({
      title: size,
      sku: `DEMO-TEE-${size}`,
      options: { size },
      prices: [...prices(1900, 1700, 149_000), { amount: 1500, currencyCode: 'USD', minQuantity: 10 }],
      inventory: 50,
      translations: { ru: { title: `Размер ${size}` } },
    })),
    translations: {
      ru: { title: 'Классическая футболка', subtitle: 'Органический хлопок', description: 'Мягкая футболка на каждый день.' },
    },
  },
  {
    title: 'Ceramic mug',
    description: 'Holds 350 ml of coffee or tea.',
    categories: ['kitchen'],
    tags: ['gifts'],
    variants: [{ title: 'White', sku: 'DEMO-MUG-WHITE', prices: prices(1200, 1100, 99_000), inventory: 120 }],
    translations: { ru: { title: 'Керамическая кружка', description: 'Вмещает 350 мл кофе или чая.' } },
  },
  {
    title: 'Gift card',
    description: 'Delivered by email.',
    categories: ['gifts'],
    discountable: false,
    variants: [{ title: 'Digital', sku: 'DEMO-GIFT-25', manageInventory: false, prices: prices(2500, 2500, 250_000) }],
  },
  {
    title: 'Canvas backpack',
    description: 'Twenty litres, water resistant.',
    categories: ['bags'],
    variants: [
      { title: 'Olive', sku: 'DEMO-BAG-OLIVE', options: { colour: 'olive' }, prices: prices(5900, 5400, 490_000), inventory: 8 },
      {
        title: 'Black',
        sku: 'DEMO-BAG-BLACK',
        options: { colour: 'black' },
        allowBackorder: true,
        prices: prices(5900, 5400, 490_000),
        inventory: 0,
      },
    ],
  },
];

/**
 * Demo catalog of the default tenant: a few published products with variants, prices in USD,
 * EUR and RUB, stock, and Russian translations, written through the same use-cases as the API:
 * their events go to the outbox and reach the read models.
 */
export const seedCommerceDemo = async (ctx: SeedContext): Promise<void> => {
  const w: CommerceTx = seedTx(ctx);
  const settings = await loadCommerceSettings(w.tx);
  const { rows } = await w.tx.query<{ n: number }>("SELECT count(*)::int AS n FROM commerce_variants WHERE sku LIKE 'DEMO-%'");
  if ((rows[0]?.n ?? 0) > 0) return;
  for (const product of DEMO) {
    const ru = settings.supportedLocales.includes('ru');
    const input = ru ? product : { ...product, translations: {}, variants: product.variants?.map((v) => ({ ...v, translations: {} })) };
    await createProductInTx(w, { ...input, status: 'published' });
  }
  ctx.logger.info({ products: DEMO.length }, 'commerce demo products created');
};
