import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UseFormRegister, useFieldArray, useForm } from 'react-hook-form';
import { minorUnits } from '../api/catalog-helpers.js';
import type { Price, Variant } from '../api/products.js';
import { setVariantPrices } from '../api/variants.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    legend: 'Base prices',
    none: 'No price yet: the variant cannot be sold.',
    amount: (n: number) => `Price ${n} amount`,
    currency: (n: number) => `Price ${n} currency`,
    from: (n: number) => `Price ${n} from quantity`,
    remove: (n: number) => `Remove price ${n}`,
    add: 'Add a price',
    amountHead: 'Amount',
    currencyHead: 'Currency',
    fromHead: 'From quantity',
    save: 'Save prices',
    saved: 'Prices saved.',
  },
  ru: {
    legend: 'Базовые цены',
    none: 'Цены пока нет: вариант нельзя продать.',
    amount: (n: number) => `Сумма цены ${n}`,
    currency: (n: number) => `Валюта цены ${n}`,
    from: (n: number) => `Цена ${n} от количества`,
    remove: (n: number) => `Удалить цену ${n}`,
    add: 'Добавить цену',
    amountHead: 'Сумма',
    currencyHead: 'Валюта',
    fromHead: 'От количества',
    save: 'Сохранить цены',
    saved: 'Цены сохранены.',
  },
});

interface Row {
  amount: string;
  currencyCode: string;
  minQuantity: string;
}

const rowsOf = (variant: Variant): { prices: Row[] } => ({
  prices: variant.prices.map((p) => ({
    amount: (p.amount / 100).toFixed(2),
    currencyCode: p.currencyCode,
    minQuantity: String(p.minQuantity ?? 1),
  })),
});

const priceOf = (r: Row): Price => ({
  amount: minorUnits(r.amount),
  currencyCode: r.currencyCode.trim().toUpperCase(),
  minQuantity: Number(r.minQuantity) || 1,
});

interface RowProps {
  readonly index: number;
  readonly register: UseFormRegister<{ prices: Row[] }>;
  readonly onRemove: () => void;
}

/** One base price: amount, currency and the quantity it applies from. */
const PriceRow = ({ index, register, onRemove }: RowProps) => {
  const t = useMessages(messages);
  const n = index + 1;
  return (
    <tr>
      <td>
        <input
          aria-label={t.amount(n)}
          required
          size={8}
          inputMode="decimal"
          pattern="\d+(\.\d{1,2})?"
          {...register(`prices.${index}.amount`)}
        />
      </td>
      <td>
        <input aria-label={t.currency(n)} required size={4} pattern="[A-Za-z]{3}" {...register(`prices.${index}.currencyCode`)} />
      </td>
      <td>
        <input
          aria-label={t.from(n)}
          required
          size={5}
          inputMode="numeric"
          pattern="[1-9]\d*"
          {...register(`prices.${index}.minQuantity`)}
        />
      </td>
      <td>
        <button type="button" aria-label={t.remove(n)} onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
};

/** A variant's base prices per currency (and quantity tier), replaced as a whole. */
export const ProductPrices = ({ productId, variant }: { readonly productId: string; readonly variant: Variant }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { register, control, handleSubmit } = useForm<{ prices: Row[] }>({ values: rowsOf(variant) });
  const rows = useFieldArray({ control, name: 'prices' });
  const save = useMutation({
    mutationFn: setVariantPrices,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commerce', 'product', productId] }),
  });
  const submit = handleSubmit((f) => save.mutate({ variantId: variant.id, prices: f.prices.map(priceOf) }));
  return (
    <form onSubmit={submit}>
      <fieldset className="stack">
        <legend>{t.legend}</legend>
        {rows.fields.length === 0 ? <p className="hint">{t.none}</p> : null}
        {rows.fields.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.amountHead}</th>
                <th scope="col">{t.currencyHead}</th>
                <th scope="col">{t.fromHead}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {rows.fields.map((field, i) => (
                <PriceRow key={field.id} index={i} register={register} onRemove={() => rows.remove(i)} />
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="row">
          <button type="button" onClick={() => rows.append({ amount: '', currencyCode: 'USD', minQuantity: '1' })}>
            {t.add}
          </button>
          <button type="submit" disabled={save.isPending}>
            {t.save}
          </button>
        </div>
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t.saved}</p> : null}
      </fieldset>
    </form>
  );
};
