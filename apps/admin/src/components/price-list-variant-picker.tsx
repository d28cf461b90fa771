import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { productSearchQuery } from '../api/products.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { find: 'Find a product', variant: 'Variant', choose: 'Choose a variant', add: 'Add to the list' },
  ru: { find: 'Найти товар', variant: 'Вариант', choose: 'Выберите вариант', add: 'Добавить в список' },
});

/** A variant picked for a price list: its id, a name to show, and its base price to start from. */
export interface PickedVariant {
  readonly variantId: string;
  readonly label: string;
  readonly amount: number;
  readonly currencyCode: string;
}

/** How a price list names a variant: product, variant and SKU. */
export const variantLabel = (product: string, v: { readonly title: string; readonly sku: string | null }): string =>
  `${product} · ${v.title}${v.sku ? ` (${v.sku})` : ''}`;

/** Products found by their text (20 at most), their variants to choose from, one added at a time. */
export const VariantPicker = ({ onPick }: { readonly onPick: (picked: PickedVariant) => void }) => {
  const t = useMessages(messages);
  const id = useId();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState('');
  const found = useQuery(productSearchQuery(useDeferredValue(q.trim())));
  const options: PickedVariant[] = (found.data?.items ?? []).flatMap((p) =>
    p.variants.map((v) => ({
      variantId: v.id,
      label: variantLabel(p.title, v),
      amount: v.prices[0]?.amount ?? 0,
      currencyCode: v.prices[0]?.currencyCode ?? 'USD',
    })),
  );
  const pick = options.find((o) => o.variantId === chosen);
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t.find}</label>
        <input id={`${id}-q`} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-variant`}>{t.variant}</label>
        <select id={`${id}-variant`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t.choose}</option>
          {options.map((o) => (
            <option key={o.variantId} value={o.variantId}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={!pick} onClick={() => pick && onPick(pick)}>
        {t.add}
      </button>
    </div>
  );
};
