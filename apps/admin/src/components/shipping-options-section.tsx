import { useSuspenseQuery } from '@tanstack/react-query';
import { type ShippingOption, shopListQuery } from '../api/shop-settings.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { CheckField, decimalOf, hundredthsOf, textOf } from './shop-form.js';
import { ShopSection } from './shop-section.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: {
    title: 'Shipping options',
    name: 'Name',
    currency: 'Currency',
    currencyHint: 'Three letters, e.g. EUR (it cannot change later)',
    amount: 'Price',
    amountHint: 'A flat amount per order, e.g. 4.99',
    active: 'Offered at checkout',
    state: 'Offered',
    yes: 'yes',
    no: 'no',
    newTitle: 'New shipping option',
    editTitle: (name: string) => `Edit ${name}`,
  },
  ru: {
    title: 'Способы доставки',
    name: 'Название',
    currency: 'Валюта',
    currencyHint: 'Три буквы, например EUR (потом её не поменять)',
    amount: 'Цена',
    amountHint: 'Фиксированная сумма за заказ, например 4,99',
    active: 'Предлагать при оформлении',
    state: 'Предлагается',
    yes: 'да',
    no: 'нет',
    newTitle: 'Новый способ доставки',
    editTitle: (name: string) => `Правка: ${name}`,
  },
});

const Fields = ({ option }: { readonly option: ShippingOption | undefined }) => {
  const t = useMessages(messages);
  return (
    <>
      <TextField label={t.name} name="name" required maxLength={200} defaultValue={option?.name ?? ''} />
      <TextField
        label={t.currency}
        hint={t.currencyHint}
        name="currencyCode"
        required
        pattern="[A-Za-z]{3}"
        maxLength={3}
        defaultValue={option?.currencyCode ?? ''}
        disabled={option !== undefined}
      />
      <TextField
        label={t.amount}
        hint={t.amountHint}
        name="amount"
        type="number"
        required
        min={0}
        step={0.01}
        defaultValue={decimalOf(option?.amount)}
      />
      <CheckField label={t.active} name="active" defaultChecked={option?.active ?? true} />
    </>
  );
};

/** The shop's flat-rate shipping options, each in one currency. */
export const ShippingOptionsSection = () => {
  const t = useMessages(messages);
  const { money } = useFormat();
  const { data } = useSuspenseQuery(shopListQuery('shipping-options'));
  return (
    <ShopSection
      resource="shipping-options"
      title={t.title}
      items={data.items}
      headers={[t.name, t.amount, t.state]}
      cells={(o) => [o.name, money(o.amount, o.currencyCode), o.active ? t.yes : t.no]}
      nameOf={(o) => o.name}
      newTitle={t.newTitle}
      editTitle={t.editTitle}
      fields={(o) => <Fields option={o} />}
      bodyOf={(data, o) => ({
        name: textOf(data, 'name'),
        ...(o ? {} : { currencyCode: textOf(data, 'currencyCode').toUpperCase() }),
        amount: hundredthsOf(data, 'amount'),
        active: data.get('active') === 'on',
      })}
    />
  );
};
