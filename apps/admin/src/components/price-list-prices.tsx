import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type UseFormRegister, useFieldArray, useForm } from 'react-hook-form';
import { minorUnits } from '../api/catalog-helpers.js';
import { type ListPrice, type PriceList, setPriceListPrices } from '../api/price-lists.js';
import { productQuery } from '../api/products.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { type PickedVariant, VariantPicker, variantLabel } from './price-list-variant-picker.js';

const messages = defineMessages({
  en: {
    heading: 'Prices',
    none: 'No prices yet: add variants below.',
    variant: 'Variant',
    amount: 'Amount',
    currency: 'Currency',
    from: 'From quantity',
    amountOf: (label: string) => `Amount for ${label}`,
    currencyOf: (label: string) => `Currency for ${label}`,
    fromOf: (label: string) => `From quantity for ${label}`,
    remove: (label: string) => `Remove ${label}`,
    save: 'Save prices',
    saved: 'Prices saved.',
  },
  ru: {
    heading: 'Цены',
    none: 'Цен пока нет: добавьте варианты ниже.',
    variant: 'Вариант',
    amount: 'Сумма',
    currency: 'Валюта',
    from: 'От количества',
    amountOf: (label: string) => `Сумма для ${label}`,
    currencyOf: (label: string) => `Валюта для ${label}`,
    fromOf: (label: string) => `От количества для ${label}`,
    remove: (label: string) => `Убрать ${label}`,
    save: 'Сохранить цены',
    saved: 'Цены сохранены.',
  },
});

interface Row {
  variantId: string;
  label: string;
  amount: string;
  currencyCode: string;
  minQuantity: string;
}

const rowsOf = (list: PriceList, names: Map<string, string>): Row[] =>
  list.prices.map((p) => ({
    variantId: p.variantId,
    label: names.get(p.variantId) ?? p.variantId,
    amount: (p.amount / 100).toFixed(2),
    currencyCode: p.currencyCode,
    minQuantity: String(p.minQuantity),
  }));

const rowOfPick = (p: PickedVariant): Row => ({
  variantId: p.variantId,
  label: p.label,
  amount: (p.amount / 100).toFixed(2),
  currencyCode: p.currencyCode,
  minQuantity: '1',
});

const priceOf = (r: Row): ListPrice => ({
  variantId: r.variantId,
  amount: minorUnits(r.amount),
  currencyCode: r.currencyCode.trim().toUpperCase(),
  minQuantity: Number(r.minQuantity) || 1,
});

interface RowProps {
  readonly index: number;
  readonly label: string;
  readonly register: UseFormRegister<{ prices: Row[] }>;
  readonly onRemove: () => void;
}

/** One price of the list: the variant, its amount, currency and lowest quantity. */
const ListPriceRow = ({ index, label, register, onRemove }: RowProps) => {
  const t = useMessages(messages);
  return (
    <tr>
      <td>{label}</td>
      <td>
        <input
          aria-label={t.amountOf(label)}
          required
          inputMode="decimal"
          pattern="\d+(\.\d{1,2})?"
          {...register(`prices.${index}.amount`)}
        />
      </td>
      <td>
        <input aria-label={t.currencyOf(label)} required size={4} pattern="[A-Za-z]{3}" {...register(`prices.${index}.currencyCode`)} />
      </td>
      <td>
        <input aria-label={t.fromOf(label)} required type="number" min={1} {...register(`prices.${index}.minQuantity`)} />
      </td>
      <td>
        <button type="button" onClick={onRemove}>
          {t.remove(label)}
        </button>
      </td>
    </tr>
  );
};

/** Names of the list's variants, from their products (each product read once). */
const useVariantNames = (list: PriceList): Map<string, string> => {
  const productIds = [...new Set(list.prices.flatMap((p) => (p.productId ? [p.productId] : [])))];
  const products = useQueries({ queries: productIds.map((id) => productQuery(id)) });
  const names = new Map<string, string>();
  for (const { data } of products) for (const v of data?.variants ?? []) names.set(v.id, variantLabel(data?.title ?? '', v));
  return names;
};

/** Every price of a price list, edited as a table and replaced as a whole. */
export const PriceListPrices = ({ list }: { readonly list: PriceList }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const names = useVariantNames(list);
  const values = { prices: rowsOf(list, names) };
  const { register, control, handleSubmit } = useForm<{ prices: Row[] }>({ values, resetOptions: { keepDirtyValues: true } });
  const rows = useFieldArray({ control, name: 'prices' });
  const save = useMutation({
    mutationFn: setPriceListPrices,
    onSuccess: (saved) => {
      queryClient.setQueryData(['commerce', 'price-list', list.id], saved);
      return queryClient.invalidateQueries({ queryKey: ['commerce', 'price-lists'] });
    },
  });
  const submit = handleSubmit((f) => save.mutate({ id: list.id, prices: f.prices.map(priceOf) }));
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="price-list-prices">
      <h2 id="price-list-prices">{t.heading}</h2>
      {rows.fields.length === 0 ? <p>{t.none}</p> : null}
      {rows.fields.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.variant}</th>
              <th scope="col">{t.amount}</th>
              <th scope="col">{t.currency}</th>
              <th scope="col">{t.from}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((field, i) => (
              <ListPriceRow key={field.id} index={i} label={field.label} register={register} onRemove={() => rows.remove(i)} />
            ))}
          </tbody>
        </table>
      ) : null}
      <VariantPicker onPick={(p) => rows.append(rowOfPick(p))} />
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">{t.saved}</p> : null}
      <button type="submit" disabled={save.isPending}>
        {t.save}
      </button>
    </form>
  );
};
