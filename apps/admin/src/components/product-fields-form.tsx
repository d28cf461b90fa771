import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { type ProductChange, type ProductDetail, updateProduct } from '../api/products.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelList } from './product-labels.js';

const messages = defineMessages({
  en: {
    details: 'Details',
    title: 'Title',
    handle: 'Handle',
    description: 'Description',
    seo: 'Search engines',
    seoTitle: 'SEO title',
    seoDescription: 'SEO description',
    categories: 'Categories',
    tags: 'Tags',
    save: 'Save product',
    saved: 'Product saved.',
  },
  ru: {
    details: 'Основное',
    title: 'Название',
    handle: 'Адрес',
    description: 'Описание',
    seo: 'Поисковые системы',
    seoTitle: 'SEO-заголовок',
    seoDescription: 'SEO-описание',
    categories: 'Категории',
    tags: 'Метки',
    save: 'Сохранить товар',
    saved: 'Товар сохранён.',
  },
});

interface Fields {
  title: string;
  handle: string;
  description: string;
  seoTitle: string;
  seoDescription: string;
  categories: string[];
  tags: string[];
}

const fieldsOf = (p: ProductDetail): Fields => ({
  title: p.title,
  handle: p.handle,
  description: p.description ?? '',
  seoTitle: p.seoTitle ?? '',
  seoDescription: p.seoDescription ?? '',
  categories: [...p.categories],
  tags: [...p.tags],
});

const orNull = (text: string): string | null => text.trim() || null;

/** The form's values as PATCH takes them: texts trimmed, empty optional ones cleared. */
export const changeOf = (f: Fields): ProductChange => ({
  title: f.title.trim(),
  handle: f.handle.trim(),
  description: orNull(f.description),
  seoTitle: orNull(f.seoTitle),
  seoDescription: orNull(f.seoDescription),
  categories: f.categories,
  tags: f.tags,
});

/** The product's own fields, SEO texts, categories and tags; saved in one change. */
export const ProductFieldsForm = ({ product, canWrite }: { readonly product: ProductDetail; readonly canWrite: boolean }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { register, control, handleSubmit } = useForm<Fields>({ values: fieldsOf(product), resetOptions: { keepDirtyValues: true } });
  const check = useContractCheck('PATCH /api/v1/commerce/products/{id}');
  const save = useMutation({
    mutationFn: ({ id, ...change }: ProductChange & { id: string }) => {
      check(change);
      return updateProduct({ id, ...change });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['commerce', 'product', product.id], saved);
      return queryClient.invalidateQueries({ queryKey: ['commerce', 'products'] });
    },
  });
  return (
    <form className="stack" onSubmit={handleSubmit((f) => save.mutate({ id: product.id, ...changeOf(f) }))}>
      <fieldset className="stack" disabled={!canWrite}>
        <legend>{t.details}</legend>
        <label htmlFor="product-title">{t.title}</label>
        <input id="product-title" required maxLength={500} {...register('title')} />
        <label htmlFor="product-handle">{t.handle}</label>
        <input id="product-handle" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={200} {...register('handle')} />
        <label htmlFor="product-description">{t.description}</label>
        <textarea id="product-description" rows={4} {...register('description')} />
      </fieldset>
      <fieldset className="stack" disabled={!canWrite}>
        <legend>{t.seo}</legend>
        <label htmlFor="product-seo-title">{t.seoTitle}</label>
        <input id="product-seo-title" maxLength={300} {...register('seoTitle')} />
        <label htmlFor="product-seo-description">{t.seoDescription}</label>
        <textarea id="product-seo-description" rows={2} maxLength={1000} {...register('seoDescription')} />
      </fieldset>
      <Controller
        control={control}
        name="categories"
        render={({ field }) => <LabelList legend={t.categories} value={field.value} onChange={field.onChange} disabled={!canWrite} />}
      />
      <Controller
        control={control}
        name="tags"
        render={({ field }) => <LabelList legend={t.tags} value={field.value} onChange={field.onChange} disabled={!canWrite} />}
      />
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">{t.saved}</p> : null}
      {canWrite ? (
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
      ) : null}
    </form>
  );
};
