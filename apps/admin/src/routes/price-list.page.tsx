import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { priceListQuery, updatePriceList } from '../api/price-lists.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PriceListForm } from '../components/price-list-form.js';
import { PriceListPrices } from '../components/price-list-prices.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All price lists', settings: 'Settings', save: 'Save price list', saved: 'Price list saved.' },
  ru: { back: 'Все прайс-листы', settings: 'Настройки', save: 'Сохранить прайс-лист', saved: 'Прайс-лист сохранён.' },
});

/** One price list: its name, kind, window and active flag, and its prices. */
export const PriceListPage = () => {
  const t = useMessages(messages);
  const { id } = getRouteApi('/app/price-lists/$id').useParams();
  const { data: list } = useSuspenseQuery(priceListQuery(id));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updatePriceList,
    onSuccess: (saved) => {
      queryClient.setQueryData(priceListQuery(id).queryKey, saved);
      return queryClient.invalidateQueries({ queryKey: ['commerce', 'price-lists'] });
    },
  });
  return (
    <div className="stack wide">
      <Link to="/price-lists">{t.back}</Link>
      <h1>{list.name}</h1>
      <section className="stack" aria-labelledby="price-list-settings">
        <h2 id="price-list-settings">{t.settings}</h2>
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t.saved}</p> : null}
        <PriceListForm list={list} submitLabel={t.save} busy={save.isPending} onSubmit={(fields) => save.mutate({ id, ...fields })} />
      </section>
      <PriceListPrices list={list} />
    </div>
  );
};
