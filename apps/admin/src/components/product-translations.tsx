import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { type ProductDetail, type ProductText, updateProduct } from '../api/products.js';
import type { TenantLocales } from '../api/tenant-locales.js';
import { useLocale } from '../i18n/context.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    heading: 'Translations',
    none: 'The shop has no other locale than its default one.',
    language: (name: string, code: string) => `${name} (${code})`,
    missing: 'Not translated yet: the storefront shows the default text.',
    title: 'Title',
    subtitle: 'Subtitle',
    description: 'Description',
    save: (name: string) => `Save ${name} translation`,
    remove: (name: string) => `Remove ${name} translation`,
    saved: 'Translation saved.',
    removed: 'Translation removed.',
  },
  ru: {
    heading: 'Переводы',
    none: 'У магазина нет других языков, кроме основного.',
    language: (name: string, code: string) => `${name} (${code})`,
    missing: 'Перевода пока нет: витрина показывает основной текст.',
    title: 'Название',
    subtitle: 'Подзаголовок',
    description: 'Описание',
    save: (name: string) => `Сохранить перевод (${name})`,
    remove: (name: string) => `Удалить перевод (${name})`,
    saved: 'Перевод сохранён.',
    removed: 'Перевод удалён.',
  },
});

interface Fields {
  title: string;
  subtitle: string;
  description: string;
}

const fieldsOf = (text: ProductText | undefined): Fields => ({
  title: text?.title ?? '',
  subtitle: text?.subtitle ?? '',
  description: text?.description ?? '',
});

const textOf = (f: Fields): ProductText => ({
  title: f.title.trim(),
  subtitle: f.subtitle.trim() || null,
  description: f.description.trim() || null,
});

interface FormProps {
  readonly product: ProductDetail;
  readonly locale: string;
  readonly name: string;
  readonly canWrite: boolean;
}

/** The product's texts in one locale: saved as a translation, or removed (null) so the default text shows. */
const TranslationForm = ({ product, locale, name, canWrite }: FormProps) => {
  const t = useMessages(messages);
  const id = useId();
  const queryClient = useQueryClient();
  const current = product.translations[locale];
  const { register, handleSubmit } = useForm<Fields>({ values: fieldsOf(current), resetOptions: { keepDirtyValues: true } });
  const save = useMutation({
    mutationFn: (text: ProductText | null) => updateProduct({ id: product.id, translations: { [locale]: text } }),
    onSuccess: (saved) => queryClient.setQueryData(['commerce', 'product', product.id], saved),
  });
  return (
    <form onSubmit={handleSubmit((f) => save.mutate(textOf(f)))}>
      <fieldset className="stack" disabled={!canWrite}>
        <legend>{t.language(name, locale)}</legend>
        {current ? null : <p className="hint">{t.missing}</p>}
        <label htmlFor={`${id}-title`}>{t.title}</label>
        <input id={`${id}-title`} required maxLength={500} {...register('title')} />
        <label htmlFor={`${id}-subtitle`}>{t.subtitle}</label>
        <input id={`${id}-subtitle`} maxLength={500} {...register('subtitle')} />
        <label htmlFor={`${id}-description`}>{t.description}</label>
        <textarea id={`${id}-description`} rows={3} {...register('description')} />
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{save.variables ? t.saved : t.removed}</p> : null}
        {canWrite ? (
          <div className="row">
            <button type="submit" disabled={save.isPending}>
              {t.save(name)}
            </button>
            {current ? (
              <button type="button" disabled={save.isPending} onClick={() => save.mutate(null)}>
                {t.remove(name)}
              </button>
            ) : null}
          </div>
        ) : null}
      </fieldset>
    </form>
  );
};

interface Props {
  readonly product: ProductDetail;
  readonly locales: TenantLocales;
  readonly canWrite: boolean;
}

/** A translation form per locale of the tenant besides its default one (whose texts are the product's own). */
export const ProductTranslations = ({ product, locales, canWrite }: Props) => {
  const t = useMessages(messages);
  const { locale: ui } = useLocale();
  const names = useMemo(() => new Intl.DisplayNames([ui], { type: 'language' }), [ui]);
  const others = locales.supportedLocales.filter((l) => l !== locales.defaultLocale);
  return (
    <section className="stack" aria-labelledby="product-translations">
      <h2 id="product-translations">{t.heading}</h2>
      {others.length === 0 ? <p>{t.none}</p> : null}
      {others.map((locale) => (
        <TranslationForm key={locale} product={product} locale={locale} name={names.of(locale) ?? locale} canWrite={canWrite} />
      ))}
    </section>
  );
};
