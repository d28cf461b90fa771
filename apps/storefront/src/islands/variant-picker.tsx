import { useState } from 'preact/hooks';

/** A variant as the picker shows it: texts made on the server (labels, price, stock in the page's locale). */
export interface PickerVariant {
  readonly id: string;
  readonly label: string;
  readonly price: string;
  readonly stock: string;
  /** Cannot be bought now: its radio is disabled. */
  readonly soldOut: boolean;
}

export interface VariantPickerProps {
  readonly legend: string;
  readonly variants: readonly PickerVariant[];
  /** The variant chosen first (the first that can be bought); '' when none can. */
  readonly selected: string;
}

/**
 * The variants of a product as a radio group named `variantId` inside the add-to-cart form, with
 * the chosen variant's price and stock above it. Plain HTML without JavaScript; hydrated, the shown
 * price and stock follow the chosen radio.
 */
export const VariantPicker = ({ legend, variants, selected }: VariantPickerProps) => {
  const [chosen, choose] = useState(selected);
  const current = variants.find((variant) => variant.id === chosen);
  return (
    <div class="variant-picker">
      <p class="price" data-shown="price" aria-live="polite">
        {current?.price ?? ''}
      </p>
      <p class={current?.soldOut === false ? 'stock' : 'stock stock-out'} data-shown="stock">
        {current?.stock ?? ''}
      </p>
      <fieldset class="variants">
        <legend>{legend}</legend>
        {variants.map((variant) => (
          <label class={variant.soldOut ? 'variant sold-out' : 'variant'}>
            <input
              type="radio"
              name="variantId"
              value={variant.id}
              checked={variant.id === chosen}
              disabled={variant.soldOut}
              required
              onChange={() => choose(variant.id)}
            />
            <span class="variant-label">{variant.label}</span>
            <span class="variant-price">{variant.price}</span>
            <span class="variant-stock">{variant.stock}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
};
