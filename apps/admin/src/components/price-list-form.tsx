import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { PRICE_LIST_KINDS, type PriceList, type PriceListFields, type PriceListKind } from '../api/price-lists.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

export const kindMessages = defineMessages({
  en: { sale: 'sale (cheaper while it runs)', override: 'override (for entitled buyers)' },
  ru: { sale: 'распродажа (дешевле, пока идёт)', override: 'особые цены (для отдельных покупателей)' },
});

const messages = defineMessages({
  en: { name: 'Name', kind: 'Kind', startsAt: 'Starts at', endsAt: 'Ends at', active: 'Active', windowHint: 'Empty: no limit.' },
  ru: {
    name: 'Название',
    kind: 'Вид',
    startsAt: 'Начало',
    endsAt: 'Окончание',
    active: 'Действует',
    windowHint: 'Пусто — без ограничения.',
  },
});

interface Fields {
  name: string;
  kind: PriceListKind;
  startsAt: string;
  endsAt: string;
  active: boolean;
}

/** An ISO timestamp as a datetime-local input shows it (the browser's time zone), and back. */
const localOf = (iso: string | null): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const isoOf = (local: string): string | null => (local ? new Date(local).toISOString() : null);

const fieldsOf = (list: PriceList | undefined): Fields => ({
  name: list?.name ?? '',
  kind: list?.kind ?? 'sale',
  startsAt: localOf(list?.startsAt ?? null),
  endsAt: localOf(list?.endsAt ?? null),
  active: list?.active ?? true,
});

interface Props {
  readonly list?: PriceList;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: (fields: PriceListFields) => void;
}

/** A price list's name, kind, time window and active flag (for a new list and for a change). */
export const PriceListForm = ({ list, submitLabel, busy, onSubmit }: Props) => {
  const t = useMessages(messages);
  const kinds = useMessages(kindMessages);
  const id = useId();
  const { register, handleSubmit } = useForm<Fields>({ values: fieldsOf(list), resetOptions: { keepDirtyValues: true } });
  const submit = handleSubmit((f) =>
    onSubmit({ name: f.name.trim(), kind: f.kind, startsAt: isoOf(f.startsAt), endsAt: isoOf(f.endsAt), active: f.active }),
  );
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>{t.name}</label>
      <input id={`${id}-name`} required maxLength={200} {...register('name')} />
      <label htmlFor={`${id}-kind`}>{t.kind}</label>
      <select id={`${id}-kind`} {...register('kind')}>
        {PRICE_LIST_KINDS.map((k) => (
          <option key={k} value={k}>
            {kinds[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-starts`}>{t.startsAt}</label>
      <input id={`${id}-starts`} type="datetime-local" aria-describedby={`${id}-hint`} {...register('startsAt')} />
      <label htmlFor={`${id}-ends`}>{t.endsAt}</label>
      <input id={`${id}-ends`} type="datetime-local" aria-describedby={`${id}-hint`} {...register('endsAt')} />
      <small id={`${id}-hint`} className="hint">
        {t.windowHint}
      </small>
      <div className="field check">
        <input id={`${id}-active`} type="checkbox" {...register('active')} />
        <label htmlFor={`${id}-active`}>{t.active}</label>
      </div>
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
};
