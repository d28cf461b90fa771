import { queryOptions } from '@tanstack/react-query';
import type { ResultOf } from 'gql.tada';
import { graphql } from '../graphql/tada.js';
import { gql } from './graphql.js';

/** How the tenant's storefront looks and sells (PUT /settings/storefront's body: absent fields are unset). */
export interface StorefrontSettings {
  readonly name?: string;
  readonly tagline?: string;
  readonly logoUrl?: string;
  readonly colors?: Partial<Record<'primary' | 'accent' | 'background' | 'text', string>>;
  readonly currency?: string;
  readonly localeCurrencies?: Readonly<Record<string, string>>;
  readonly featuredTag?: string;
}

const StorefrontSettingsDocument = graphql(`
  query StorefrontSettings {
    storefrontSettings { name tagline logoUrl colors { primary accent background text } currency localeCurrencies { locale currency } featuredTag }
  }
`);
const SetStorefrontSettingsDocument = graphql(`
  mutation SetStorefrontSettings($input: StorefrontSettingsInput!) {
    setStorefrontSettings(input: $input) {
      name tagline logoUrl colors { primary accent background text } currency localeCurrencies { locale currency } featuredTag
    }
  }
`);

type Answer = NonNullable<ResultOf<typeof StorefrontSettingsDocument>['storefrontSettings']>;

/** GraphQL's answer (nulls, a list of locale currencies) as the settings' own shape. */
const settingsOf = (answer: Answer | null | undefined): StorefrontSettings => {
  if (!answer) return {};
  const colors = Object.fromEntries(Object.entries(answer.colors ?? {}).filter(([, v]) => typeof v === 'string'));
  const out: Record<string, unknown> = {};
  for (const key of ['name', 'tagline', 'logoUrl', 'currency', 'featuredTag'] as const) if (answer[key]) out[key] = answer[key];
  if (Object.keys(colors).length) out.colors = colors;
  if (answer.localeCurrencies?.length)
    out.localeCurrencies = Object.fromEntries(answer.localeCurrencies.map((l) => [l.locale, l.currency]));
  return out as StorefrontSettings;
};

export const storefrontSettingsQuery = queryOptions({
  queryKey: ['settings', 'storefront'],
  queryFn: async () => settingsOf((await gql(StorefrontSettingsDocument)).storefrontSettings),
});

export const saveStorefrontSettings = async (settings: StorefrontSettings): Promise<StorefrontSettings> => {
  const { localeCurrencies, ...rest } = settings;
  const input = { ...rest, localeCurrencies: Object.entries(localeCurrencies ?? {}).map(([locale, currency]) => ({ locale, currency })) };
  return settingsOf((await gql(SetStorefrontSettingsDocument, { input })).setStorefrontSettings);
};
