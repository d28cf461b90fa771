import type { ProductIndexVariant, StockDisplay } from '@rustok/commerce/contracts';

/** How a variant's stock shows when counts are hidden (and alongside them when not). */
export type Availability = 'in_stock' | 'low_stock' | 'out_of_stock' | 'backorder';

/** A variant as the product route answers it (stored so in the row's `variants`). */
export interface VariantOut {
  readonly id: string;
  readonly title: string;
  readonly sku: string | null;
  readonly options: Readonly<Record<string, string>>;
  readonly prices: readonly { amount: number; currencyCode: string }[];
  readonly inStock: boolean;
  readonly availability: Availability;
  /** Units on hand; null when the tenant hides stock counts or the variant does not track stock. */
  readonly available: number | null;
}

const availabilityOf = (v: ProductIndexVariant, lowStockThreshold: number): Availability => {
  if (!v.manageInventory) return 'in_stock';
  if (v.available <= 0) return v.allowBackorder ? 'backorder' : 'out_of_stock';
  return v.available <= lowStockThreshold ? 'low_stock' : 'in_stock';
};

/** The variant title in a locale: its own translation, else the default locale's, else the base title. */
const titleIn = (v: ProductIndexVariant, locale: string, defaultLocale: string): string =>
  v.titles.find((t) => t.locale === locale)?.title ?? v.titles.find((t) => t.locale === defaultLocale)?.title ?? v.title;

/** The variants of a row in one locale, with stock as the tenant shows it. */
export const projectVariants = (
  variants: readonly ProductIndexVariant[],
  locale: string,
  defaultLocale: string,
  stock: StockDisplay,
): VariantOut[] =>
  variants.map((v) => ({
    id: v.id,
    title: titleIn(v, locale, defaultLocale),
    sku: v.sku,
    options: v.options,
    prices: v.prices.map((p) => ({ amount: p.amount, currencyCode: p.currencyCode })),
    inStock: v.inStock,
    availability: availabilityOf(v, stock.lowStockThreshold),
    available: stock.exposeStock && v.manageInventory ? Math.max(v.available, 0) : null,
  }));
