import type { ProductDetail } from '../api/products.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ProductVariant } from './product-variant.js';
import { ProductVariantNew } from './product-variant-new.js';

const messages = defineMessages({
  en: { heading: 'Variants', none: 'No variants yet.' },
  ru: { heading: 'Варианты', none: 'Вариантов пока нет.' },
});

interface Props {
  readonly product: ProductDetail;
  readonly canWrite: boolean;
  readonly canPrice: boolean;
  readonly canStock: boolean;
}

/** The product's variants, each with its prices and stock, and a form for a new one. */
export const ProductVariants = ({ product, canWrite, canPrice, canStock }: Props) => {
  const t = useMessages(messages);
  return (
    <section className="stack" aria-labelledby="product-variants">
      <h2 id="product-variants">{t.heading}</h2>
      {product.variants.length === 0 ? <p>{t.none}</p> : null}
      {product.variants.map((variant) => (
        <ProductVariant
          key={variant.id}
          productId={product.id}
          variant={variant}
          canWrite={canWrite}
          canPrice={canPrice}
          canStock={canStock}
        />
      ))}
      {canWrite ? <ProductVariantNew productId={product.id} /> : null}
    </section>
  );
};
