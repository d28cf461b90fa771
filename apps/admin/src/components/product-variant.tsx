import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { formatOptions, parseOptions } from '../api/catalog-helpers.js';
import type { Variant } from '../api/products.js';
import { deleteVariant, updateVariant } from '../api/variants.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { ProductPrices } from './product-prices.js';
import { ProductStock } from './product-stock.js';

const messages = defineMessages({
  en: {
    legend: (title: string) => `Variant: ${title}`,
    title: 'Variant title',
    sku: 'SKU',
    options: 'Options (one "name: value" per line)',
    save: 'Save variant',
    saved: 'Variant saved.',
    remove: (title: string) => `Remove variant ${title}`,
    prices: 'Prices',
  },
  ru: {
    legend: (title: string) => `Вариант: ${title}`,
    title: 'Название варианта',
    sku: 'Артикул',
    options: 'Параметры (по одному «имя: значение» в строке)',
    save: 'Сохранить вариант',
    saved: 'Вариант сохранён.',
    remove: (title: string) => `Удалить вариант ${title}`,
    prices: 'Цены',
  },
});

interface Fields {
  title: string;
  sku: string;
  options: string;
}

interface Props {
  readonly productId: string;
  readonly variant: Variant;
  readonly canWrite: boolean;
  readonly canPrice: boolean;
  readonly canStock: boolean;
}

/** One variant: its title, SKU and options; removal; base prices; stock. */
export const ProductVariant = ({ productId, variant, canWrite, canPrice, canStock }: Props) => {
  const t = useMessages(messages);
  const { money } = useFormat();
  const id = useId();
  const queryClient = useQueryClient();
  const values = { title: variant.title, sku: variant.sku ?? '', options: formatOptions(variant.options) };
  const { register, handleSubmit } = useForm<Fields>({ values, resetOptions: { keepDirtyValues: true } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['commerce'] });
  const save = useMutation({ mutationFn: updateVariant, onSuccess: refresh });
  const remove = useMutation({ mutationFn: deleteVariant, onSuccess: refresh });
  const submit = handleSubmit((f) =>
    save.mutate({ productId, variantId: variant.id, title: f.title.trim(), sku: f.sku.trim() || null, options: parseOptions(f.options) }),
  );
  return (
    <fieldset className="stack">
      <legend>{t.legend(variant.title)}</legend>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={`${id}-title`}>{t.title}</label>
        <input id={`${id}-title`} required readOnly={!canWrite} maxLength={500} {...register('title')} />
        <label htmlFor={`${id}-sku`}>{t.sku}</label>
        <input id={`${id}-sku`} readOnly={!canWrite} maxLength={100} {...register('sku')} />
        <label htmlFor={`${id}-options`}>{t.options}</label>
        <textarea id={`${id}-options`} rows={2} readOnly={!canWrite} {...register('options')} />
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {remove.error ? <ErrorNotice error={remove.error} /> : null}
        {save.isSuccess ? <p role="status">{t.saved}</p> : null}
        {canWrite ? (
          <div className="row">
            <button type="submit" disabled={save.isPending}>
              {t.save}
            </button>
            <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ productId, variantId: variant.id })}>
              {t.remove(variant.title)}
            </button>
          </div>
        ) : null}
      </form>
      {canPrice ? (
        <ProductPrices productId={productId} variant={variant} />
      ) : (
        <p>
          {t.prices}: {variant.prices.map((p) => money(p.amount, p.currencyCode)).join(', ')}
        </p>
      )}
      <ProductStock productId={productId} variantId={variant.id} canStock={canStock} />
    </fieldset>
  );
};
