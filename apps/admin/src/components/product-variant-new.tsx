import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { minorUnits, parseOptions } from '../api/catalog-helpers.js';
import { addVariant } from '../api/variants.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    legend: 'New variant',
    title: 'Title of the new variant',
    sku: 'SKU of the new variant',
    options: 'Options of the new variant (one "name: value" per line)',
    price: 'Price of the new variant',
    currency: 'Currency of the new variant',
    stock: 'Stock of the new variant',
    add: 'Add variant',
    added: 'Variant added.',
  },
  ru: {
    legend: 'Новый вариант',
    title: 'Название нового варианта',
    sku: 'Артикул нового варианта',
    options: 'Параметры нового варианта (по одному «имя: значение» в строке)',
    price: 'Цена нового варианта',
    currency: 'Валюта нового варианта',
    stock: 'Остаток нового варианта',
    add: 'Добавить вариант',
    added: 'Вариант добавлен.',
  },
});

interface Fields {
  title: string;
  sku: string;
  options: string;
  price: string;
  currencyCode: string;
  inventory: string;
}

const EMPTY: Fields = { title: '', sku: '', options: '', price: '', currencyCode: 'USD', inventory: '' };

/** A new variant of the product with its first price and stock. */
export const ProductVariantNew = ({ productId }: { readonly productId: string }) => {
  const t = useMessages(messages);
  const id = useId();
  const queryClient = useQueryClient();
  const { register, handleSubmit, reset } = useForm<Fields>({ defaultValues: EMPTY });
  const check = useContractCheck('POST /api/v1/commerce/products/{id}/variants');
  const add = useMutation({
    mutationFn: ({ productId, ...variant }: Parameters<typeof addVariant>[0]) => {
      check(variant);
      return addVariant({ productId, ...variant });
    },
    onSuccess: async () => {
      reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['commerce'] });
    },
  });
  const submit = handleSubmit((f) =>
    add.mutate({
      productId,
      title: f.title.trim(),
      sku: f.sku.trim() || null,
      options: parseOptions(f.options),
      prices: f.price.trim() ? [{ amount: minorUnits(f.price), currencyCode: f.currencyCode.trim().toUpperCase() }] : [],
      ...(f.inventory.trim() ? { inventory: Number(f.inventory) } : {}),
    }),
  );
  return (
    <form onSubmit={submit}>
      <fieldset className="stack">
        <legend>{t.legend}</legend>
        <label htmlFor={`${id}-title`}>{t.title}</label>
        <input id={`${id}-title`} required maxLength={500} {...register('title')} />
        <label htmlFor={`${id}-sku`}>{t.sku}</label>
        <input id={`${id}-sku`} maxLength={100} {...register('sku')} />
        <label htmlFor={`${id}-options`}>{t.options}</label>
        <textarea id={`${id}-options`} rows={2} {...register('options')} />
        <label htmlFor={`${id}-price`}>{t.price}</label>
        <input id={`${id}-price`} inputMode="decimal" pattern="\d+(\.\d{1,2})?" {...register('price')} />
        <label htmlFor={`${id}-currency`}>{t.currency}</label>
        <input id={`${id}-currency`} required pattern="[A-Za-z]{3}" {...register('currencyCode')} />
        <label htmlFor={`${id}-stock`}>{t.stock}</label>
        <input id={`${id}-stock`} type="number" min={0} {...register('inventory')} />
        {add.error ? <ErrorNotice error={add.error} /> : null}
        {add.isSuccess ? <p role="status">{t.added}</p> : null}
        <button type="submit" disabled={add.isPending}>
          {t.add}
        </button>
      </fieldset>
    </form>
  );
};
