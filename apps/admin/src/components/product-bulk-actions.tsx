import { type FormEvent, useId, useState } from 'react';
import type { BulkOutcome } from '../api/catalog-helpers.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    bulk: 'Bulk actions',
    selected: (n: number) => `${n} selected`,
    publish: 'Publish selected',
    archive: 'Archive selected',
    percent: 'Change prices by (%)',
    percentHint: 'e.g. 10 raises every base price of the selected products by 10 %, -5 lowers it by 5 %',
    change: 'Change prices of selected',
    done: (n: number) => plural('en', n, { one: 'Done for # product.', other: 'Done for # products.' }),
    failed: (n: number) => plural('en', n, { one: '# product failed:', other: '# products failed:' }),
  },
  ru: {
    bulk: 'Действия с выбранными',
    selected: (n: number) => `Выбрано: ${n}`,
    publish: 'Опубликовать выбранные',
    archive: 'Отправить выбранные в архив',
    percent: 'Изменить цены на (%)',
    percentHint: 'например, 10 поднимает все базовые цены выбранных товаров на 10 %, -5 снижает на 5 %',
    change: 'Изменить цены выбранных',
    done: (n: number) =>
      plural('ru', n, {
        one: 'Готово для # товара.',
        few: 'Готово для # товаров.',
        many: 'Готово для # товаров.',
        other: 'Готово для # товара.',
      }),
    failed: (n: number) =>
      plural('ru', n, {
        one: 'Не удалось для # товара:',
        few: 'Не удалось для # товаров:',
        many: 'Не удалось для # товаров:',
        other: 'Не удалось для # товара:',
      }),
  },
});

interface Props {
  readonly selected: number;
  readonly busy: boolean;
  readonly canPublish: boolean;
  readonly canPrice: boolean;
  readonly onPublish: () => void;
  readonly onArchive: () => void;
  readonly onPrices: (percent: number) => void;
}

/** The toolbar over the selected products: publish, archive, a percentage change of their prices. */
export const ProductBulkActions = ({ selected, busy, canPublish, canPrice, onPublish, onArchive, onPrices }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const [percent, setPercent] = useState('');
  const idle = selected === 0 || busy;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPrices(Number(percent));
  };
  return (
    <div className="row" role="toolbar" aria-label={t.bulk}>
      <span>{t.selected(selected)}</span>
      {canPublish ? (
        <>
          <button type="button" disabled={idle} onClick={onPublish}>
            {t.publish}
          </button>
          <button type="button" disabled={idle} onClick={onArchive}>
            {t.archive}
          </button>
        </>
      ) : null}
      {canPrice ? (
        <form className="row" onSubmit={submit}>
          <div className="field">
            <label htmlFor={id}>{t.percent}</label>
            <input
              id={id}
              type="number"
              step="any"
              min={-99}
              max={1000}
              required
              value={percent}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setPercent(e.target.value)}
            />
            <small id={`${id}-hint`} className="hint">
              {t.percentHint}
            </small>
          </div>
          <button type="submit" disabled={idle}>
            {t.change}
          </button>
        </form>
      ) : null}
    </div>
  );
};

/** What a bulk action did: a count, and the errors of the products it failed for. */
export const BulkResult = ({ outcome }: { readonly outcome: BulkOutcome }) => {
  const t = useMessages(messages);
  return (
    <>
      <p role="status">{t.done(outcome.done)}</p>
      {outcome.failures.length > 0 ? (
        <div>
          <p>{t.failed(outcome.failures.length)}</p>
          {outcome.failures.slice(0, 5).map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the failures are a fixed list shown once
            <ErrorNotice key={i} error={e} />
          ))}
        </div>
      ) : null}
    </>
  );
};
