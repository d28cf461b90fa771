import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useFieldArray, useForm } from 'react-hook-form';
import { createProduct, type NewProduct, productsQuery } from '../api/products.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    heading: 'New product',
    title: 'Title',
    handle: 'Handle (optional)',
    description: 'Description',
    variant: (n: number) => `Variant ${n}`,
    variantTitle: (n: number) => `Variant ${n} title`,
    sku: (n: number) => `Variant ${n} SKU`,
    price: (n: number) => `Variant ${n} price`,
    currency: (n: number) => `Variant ${n} currency`,
    stock: (n: number) => `Variant ${n} stock`,
    remove: (n: number) => `Remove variant ${n}`,
    add: 'Add a variant',
    create: 'Create product',
  },
  ru: {
    heading: 'Новый товар',
    title: 'Название',
    handle: 'Адрес (необязательно)',
    description: 'Описание',
    variant: (n: number) => `Вариант ${n}`,
    variantTitle: (n: number) => `Название варианта ${n}`,
    sku: (n: number) => `Артикул варианта ${n}`,
    price: (n: number) => `Цена варианта ${n}`,
    currency: (n: number) => `Валюта варианта ${n}`,
    stock: (n: number) => `Остаток варианта ${n}`,
    remove: (n: number) => `Удалить вариант ${n}`,
    add: 'Добавить вариант',
    create: 'Создать товар',
  },
});

interface VariantFields {
  title: string;
  sku: string;
  price: string;
  currencyCode: string;
  inventory: string;
}

interface Fields {
  title: string;
  handle: string;
  description: string;
  variants: VariantFields[];
}

const EMPTY_VARIANT: VariantFields = { title: '', sku: '', price: '', currencyCode: 'USD', inventory: '' };

/** The form's values as the API takes them: prices in minor units, empty optional fields left out. */
export const productOf = (f: Fields): NewProduct => ({
  title: f.title.trim(),
  ...(f.handle.trim() ? { handle: f.handle.trim() } : {}),
  ...(f.description.trim() ? { description: f.description.trim() } : {}),
  variants: f.variants.map((v) => ({
    title: v.title.trim(),
    ...(v.sku.trim() ? { sku: v.sku.trim() } : {}),
    prices: [{ amount: Math.round(Number(v.price) * 100), currencyCode: v.currencyCode.trim().toUpperCase() }],
    ...(v.inventory.trim() ? { inventory: Number(v.inventory) } : {}),
  })),
});

/** A new product with its variants and a price each, created in one call. */
export const NewProductPage = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { register, control, handleSubmit } = useForm<Fields>({
    defaultValues: { title: '', handle: '', description: '', variants: [{ ...EMPTY_VARIANT }] },
  });
  const variants = useFieldArray({ control, name: 'variants' });
  const check = useContractCheck('POST /api/v1/commerce/products');
  const create = useMutation({
    mutationFn: (product: NewProduct) => {
      check(product);
      return createProduct(product);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: productsQuery.queryKey });
      await navigate({ to: '/products' });
    },
  });
  return (
    <form className="stack wide" onSubmit={handleSubmit((f) => create.mutate(productOf(f)))}>
      <h1>{t.heading}</h1>
      <label htmlFor="p-title">{t.title}</label>
      <input id="p-title" required {...register('title')} />
      <label htmlFor="p-handle">{t.handle}</label>
      <input id="p-handle" pattern="[a-z0-9]+(-[a-z0-9]+)*" {...register('handle')} />
      <label htmlFor="p-description">{t.description}</label>
      <textarea id="p-description" rows={4} {...register('description')} />
      {variants.fields.map((field, i) => (
        <fieldset key={field.id}>
          <legend>{t.variant(i + 1)}</legend>
          <label htmlFor={`v${i}-title`}>{t.variantTitle(i + 1)}</label>
          <input id={`v${i}-title`} required {...register(`variants.${i}.title`)} />
          <label htmlFor={`v${i}-sku`}>{t.sku(i + 1)}</label>
          <input id={`v${i}-sku`} {...register(`variants.${i}.sku`)} />
          <label htmlFor={`v${i}-price`}>{t.price(i + 1)}</label>
          <input id={`v${i}-price`} required inputMode="decimal" pattern="\d+(\.\d{1,2})?" {...register(`variants.${i}.price`)} />
          <label htmlFor={`v${i}-currency`}>{t.currency(i + 1)}</label>
          <input id={`v${i}-currency`} required pattern="[A-Za-z]{3}" {...register(`variants.${i}.currencyCode`)} />
          <label htmlFor={`v${i}-inventory`}>{t.stock(i + 1)}</label>
          <input id={`v${i}-inventory`} inputMode="numeric" pattern="\d*" {...register(`variants.${i}.inventory`)} />
          {variants.fields.length > 1 ? (
            <button type="button" onClick={() => variants.remove(i)}>
              {t.remove(i + 1)}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" onClick={() => variants.append({ ...EMPTY_VARIANT })}>
        {t.add}
      </button>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <button type="submit" disabled={create.isPending}>
        {t.create}
      </button>
    </form>
  );
};
