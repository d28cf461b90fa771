import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { type Discount, shopListQuery } from '../api/shop-settings.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { CheckField, decimalOf, hundredthsOf, instantOf, localInputOf, textOf } from './shop-form.js';
import { ShopSection } from './shop-section.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: {
    title: 'Discount codes',
    code: 'Code',
    codeHint: 'Letters, digits, - and _; customers type it in any case (it cannot change later)',
    kind: 'Kind',
    percentage: 'Percentage of the order',
    fixed: 'Fixed amount',
    value: 'Value',
    valueHint: 'A percentage (e.g. 10) or an amount in the currency (e.g. 5.00)',
    currency: 'Currency',
    currencyHint: 'Three letters; needed for a fixed amount',
    usageLimit: 'Usage limit',
    usageHint: 'Empty: unlimited',
    used: 'Used',
    startsAt: 'Valid from',
    endsAt: 'Valid until',
    active: 'Active',
    state: 'Active',
    yes: 'yes',
    no: 'no',
    percent: (value: string) => `${value}%`,
    uses: (count: number, limit: number | null) => (limit === null ? `${count}` : `${count} of ${limit}`),
    newTitle: 'New discount code',
    editTitle: (name: string) => `Edit ${name}`,
  },
  ru: {
    title: 'Промокоды',
    code: 'Код',
    codeHint: 'Буквы, цифры, - и _; покупатели вводят его в любом регистре (потом его не поменять)',
    kind: 'Вид',
    percentage: 'Процент от заказа',
    fixed: 'Фиксированная сумма',
    value: 'Размер',
    valueHint: 'Процент (например 10) или сумма в валюте (например 5,00)',
    currency: 'Валюта',
    currencyHint: 'Три буквы; нужна для фиксированной суммы',
    usageLimit: 'Лимит использований',
    usageHint: 'Пусто — без ограничений',
    used: 'Использован',
    startsAt: 'Действует с',
    endsAt: 'Действует до',
    active: 'Действует',
    state: 'Действует',
    yes: 'да',
    no: 'нет',
    percent: (value: string) => `${value} %`,
    uses: (count: number, limit: number | null) => (limit === null ? `${count}` : `${count} из ${limit}`),
    newTitle: 'Новый промокод',
    editTitle: (name: string) => `Правка: ${name}`,
  },
});

const KindField = ({ discount }: { readonly discount: Discount | undefined }) => {
  const t = useMessages(messages);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t.kind}</label>
      <select id={id} name="kind" defaultValue={discount?.kind ?? 'percentage'} disabled={discount !== undefined}>
        <option value="percentage">{t.percentage}</option>
        <option value="fixed">{t.fixed}</option>
      </select>
    </div>
  );
};

const Fields = ({ discount: d }: { readonly discount: Discount | undefined }) => {
  const t = useMessages(messages);
  const fixed = { disabled: d !== undefined, maxLength: 3, pattern: '[A-Za-z]{3}' };
  return (
    <>
      <TextField
        label={t.code}
        hint={t.codeHint}
        name="code"
        required
        pattern="[A-Za-z0-9_\-]{1,64}"
        disabled={d !== undefined}
        defaultValue={d?.code ?? ''}
      />
      <KindField discount={d} />
      <TextField
        label={t.value}
        hint={t.valueHint}
        name="value"
        type="number"
        required
        min={0.01}
        step={0.01}
        defaultValue={decimalOf(d?.value)}
      />
      <TextField label={t.currency} hint={t.currencyHint} name="currencyCode" defaultValue={d?.currencyCode ?? ''} {...fixed} />
      <TextField
        label={t.usageLimit}
        hint={t.usageHint}
        name="usageLimit"
        type="number"
        min={1}
        step={1}
        defaultValue={d?.usageLimit ?? ''}
      />
      <TextField label={t.startsAt} name="startsAt" type="datetime-local" defaultValue={localInputOf(d?.startsAt)} />
      <TextField label={t.endsAt} name="endsAt" type="datetime-local" defaultValue={localInputOf(d?.endsAt)} />
      <CheckField label={t.active} name="active" defaultChecked={d?.active ?? true} />
    </>
  );
};

/** What the form sends: every field for a new code; for an edit, only what may change (not the code, kind or currency). */
const bodyOf = (data: FormData, d: Discount | undefined) => {
  const limit = textOf(data, 'usageLimit');
  const changeable = {
    value: hundredthsOf(data, 'value'),
    usageLimit: limit ? Number(limit) : null,
    startsAt: instantOf(data, 'startsAt'),
    endsAt: instantOf(data, 'endsAt'),
    active: data.get('active') === 'on',
  };
  if (d) return changeable;
  const currency = textOf(data, 'currencyCode').toUpperCase();
  return { code: textOf(data, 'code'), kind: textOf(data, 'kind'), currencyCode: currency || null, ...changeable };
};

/** The shop's discount codes: a percentage or a fixed amount, with an optional usage limit and validity window. */
export const DiscountsSection = () => {
  const t = useMessages(messages);
  const { money, number } = useFormat();
  const { data } = useSuspenseQuery(shopListQuery('discounts'));
  const shown = (d: Discount) => (d.kind === 'fixed' && d.currencyCode ? money(d.value, d.currencyCode) : t.percent(number(d.value / 100)));
  return (
    <ShopSection
      resource="discounts"
      title={t.title}
      items={data.items}
      headers={[t.code, t.value, t.used, t.state]}
      cells={(d) => [d.code, shown(d), t.uses(d.usageCount, d.usageLimit), d.active ? t.yes : t.no]}
      nameOf={(d) => d.code}
      newTitle={t.newTitle}
      editTitle={t.editTitle}
      fields={(d) => <Fields discount={d} />}
      bodyOf={bodyOf}
    />
  );
};
