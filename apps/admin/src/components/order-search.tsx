import { type FormEvent, useId } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    label: 'Search orders',
    hint: 'An order number, or the beginning of the customer’s e-mail',
    search: 'Search',
    clear: 'Clear search',
  },
  ru: {
    label: 'Поиск заказов',
    hint: 'Номер заказа или начало e-mail покупателя',
    search: 'Найти',
    clear: 'Сбросить поиск',
  },
});

interface Props {
  /** The search as the address has it. */
  readonly q: string | undefined;
  readonly onSearch: (q: string | undefined) => void;
}

/** The orders' search box: submitted with Enter or its button; empty shows every order again. */
export const OrderSearch = ({ q, onSearch }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    onSearch(text || undefined);
  };
  return (
    <search>
      <form className="row order-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t.label}</label>
          <input id={id} name="q" type="search" defaultValue={q ?? ''} key={q ?? ''} aria-describedby={`${id}-hint`} maxLength={320} />
          <small id={`${id}-hint`} className="hint">
            {t.hint}
          </small>
        </div>
        <button type="submit">{t.search}</button>
        {q ? (
          <button type="button" onClick={() => onSearch(undefined)}>
            {t.clear}
          </button>
        ) : null}
      </form>
    </search>
  );
};
