import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { type StorefrontSettings, saveStorefrontSettings, storefrontSettingsQuery } from '../api/storefront-settings.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { TextField } from './text-field.js';

const COLORS = ['primary', 'accent', 'background', 'text'] as const;

const messages = defineMessages({
  en: {
    title: 'Storefront',
    intro: 'How your shop looks to shoppers: its name, line, logo and colours, and the currency of prices per language.',
    name: 'Shop name',
    nameHint: 'Shown in every page’s header and title; the tenant’s name when empty',
    tagline: 'Tagline',
    logoUrl: 'Logo address',
    logoHint: 'An https address or a path of this site',
    primary: 'Main colour',
    accent: 'Accent colour',
    background: 'Background colour',
    text: 'Text colour',
    colorHint: 'As #rrggbb, e.g. #1f4fd1; empty keeps the theme’s',
    currency: 'Currency of prices',
    localeCurrency: (locale: string) => `Currency in ${String(locale).toUpperCase()}`,
    currencyHint: 'Three letters, e.g. USD',
    featuredTag: 'Tag of featured products',
    save: 'Save storefront',
    saved: 'Saved: the shop shows it within seconds.',
  },
  ru: {
    title: 'Витрина',
    intro: 'Как магазин выглядит для покупателей: название, подзаголовок, логотип и цвета, а также валюта цен для каждого языка.',
    name: 'Название магазина',
    nameHint: 'В шапке и заголовке каждой страницы; если пусто — название арендатора',
    tagline: 'Подзаголовок',
    logoUrl: 'Адрес логотипа',
    logoHint: 'Адрес https или путь на этом сайте',
    primary: 'Основной цвет',
    accent: 'Акцентный цвет',
    background: 'Цвет фона',
    text: 'Цвет текста',
    colorHint: 'В виде #rrggbb, например #1f4fd1; пусто — цвет темы',
    currency: 'Валюта цен',
    localeCurrency: (locale: string) => `Валюта для ${String(locale).toUpperCase()}`,
    currencyHint: 'Три буквы, например RUB',
    featuredTag: 'Метка избранных товаров',
    save: 'Сохранить витрину',
    saved: 'Сохранено: магазин покажет это через несколько секунд.',
  },
});

const text = (data: FormData, name: string): string | undefined => {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? undefined : value;
};

/** The form's fields as the settings (empty fields left out, so they are unset). */
const settingsOf = (data: FormData, locales: readonly string[]): StorefrontSettings => {
  const colors = Object.fromEntries(COLORS.flatMap((c) => (text(data, `color-${c}`) ? [[c, text(data, `color-${c}`)]] : [])));
  const localeCurrencies = Object.fromEntries(
    locales.flatMap((l) => (text(data, `currency-${l}`) ? [[l, text(data, `currency-${l}`)?.toUpperCase()]] : [])),
  );
  const settings: Record<string, unknown> = {};
  for (const key of ['name', 'tagline', 'logoUrl', 'featuredTag'] as const) if (text(data, key)) settings[key] = text(data, key);
  if (text(data, 'currency')) settings.currency = text(data, 'currency')?.toUpperCase();
  if (Object.keys(colors).length) settings.colors = colors;
  if (Object.keys(localeCurrencies).length) settings.localeCurrencies = localeCurrencies;
  return settings as StorefrontSettings;
};

/** The shop's storefront look: name, tagline, logo, colours, currencies, featured tag. */
export const StorefrontSection = () => {
  const t = useMessages(messages);
  const heading = useId();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(storefrontSettingsQuery);
  const { data: locales } = useSuspenseQuery(tenantLocalesQuery);
  const check = useContractCheck('PUT /api/v1/settings/storefront');
  const save = useMutation({
    mutationFn: async (next: StorefrontSettings) => {
      check(next);
      return saveStorefrontSettings(next);
    },
    onSuccess: (next) => queryClient.setQueryData(storefrontSettingsQuery.queryKey, next),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(settingsOf(new FormData(event.currentTarget), locales.supportedLocales));
  };
  return (
    <section aria-labelledby={heading} className="stack">
      <h2 id={heading}>{t.title}</h2>
      <p>{t.intro}</p>
      <form className="stack" onSubmit={submit}>
        <TextField label={t.name} hint={t.nameHint} name="name" maxLength={120} defaultValue={settings.name ?? ''} />
        <TextField label={t.tagline} name="tagline" maxLength={300} defaultValue={settings.tagline ?? ''} />
        <TextField label={t.logoUrl} hint={t.logoHint} name="logoUrl" maxLength={1000} defaultValue={settings.logoUrl ?? ''} />
        {COLORS.map((c) => (
          <TextField
            key={c}
            label={t[c]}
            hint={t.colorHint}
            name={`color-${c}`}
            pattern="#[0-9a-fA-F]{6}"
            defaultValue={settings.colors?.[c] ?? ''}
          />
        ))}
        <TextField label={t.currency} hint={t.currencyHint} name="currency" pattern="[A-Za-z]{3}" defaultValue={settings.currency ?? ''} />
        {locales.supportedLocales.map((l) => (
          <TextField
            key={l}
            label={t.localeCurrency(l)}
            name={`currency-${l}`}
            pattern="[A-Za-z]{3}"
            defaultValue={settings.localeCurrencies?.[l] ?? ''}
          />
        ))}
        <TextField label={t.featuredTag} name="featuredTag" maxLength={100} defaultValue={settings.featuredTag ?? ''} />
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t.saved}</p> : null}
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
      </form>
    </section>
  );
};
