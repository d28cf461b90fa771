import { useSuspenseQuery } from '@tanstack/react-query';
import { shopListQuery, type TaxRate } from '../api/shop-settings.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { decimalOf, hundredthsOf, textOf } from './shop-form.js';
import { ShopSection } from './shop-section.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: {
    title: 'Tax rates',
    country: 'Country',
    countryHint: 'Two letters, e.g. GB; one rate per country (it cannot change later)',
    name: 'Name',
    rate: 'Rate, %',
    rateHint: 'Added on top of net prices, e.g. 20 or 19.5',
    percent: (value: string) => `${value}%`,
    newTitle: 'New tax rate',
    editTitle: (name: string) => `Edit ${name}`,
  },
  ru: {
    title: 'Ставки налога',
    country: 'Страна',
    countryHint: 'Две буквы, например GB; одна ставка на страну (потом её не поменять)',
    name: 'Название',
    rate: 'Ставка, %',
    rateHint: 'Добавляется к ценам без налога, например 20 или 19,5',
    percent: (value: string) => `${value} %`,
    newTitle: 'Новая ставка налога',
    editTitle: (name: string) => `Правка: ${name}`,
  },
});

const Fields = ({ rate }: { readonly rate: TaxRate | undefined }) => {
  const t = useMessages(messages);
  return (
    <>
      <TextField
        label={t.country}
        hint={t.countryHint}
        name="countryCode"
        required
        pattern="[A-Za-z]{2}"
        maxLength={2}
        defaultValue={rate?.countryCode ?? ''}
        disabled={rate !== undefined}
      />
      <TextField label={t.name} name="name" required maxLength={200} defaultValue={rate?.name ?? ''} />
      <TextField
        label={t.rate}
        hint={t.rateHint}
        name="rate"
        type="number"
        required
        min={0}
        max={100}
        step={0.01}
        defaultValue={decimalOf(rate?.rateBp)}
      />
    </>
  );
};

/** The shop's tax rates: one per destination country. */
export const TaxRatesSection = () => {
  const t = useMessages(messages);
  const { number } = useFormat();
  const { data } = useSuspenseQuery(shopListQuery('tax-rates'));
  return (
    <ShopSection
      resource="tax-rates"
      title={t.title}
      items={data.items}
      headers={[t.country, t.name, t.rate]}
      cells={(r) => [r.countryCode, r.name, t.percent(number(r.rateBp / 100))]}
      nameOf={(r) => `${r.countryCode} ${r.name}`}
      newTitle={t.newTitle}
      editTitle={t.editTitle}
      fields={(r) => <Fields rate={r} />}
      bodyOf={(data, r) => ({
        ...(r ? {} : { countryCode: textOf(data, 'countryCode').toUpperCase() }),
        name: textOf(data, 'name'),
        rateBp: hundredthsOf(data, 'rate'),
      })}
    />
  );
};
