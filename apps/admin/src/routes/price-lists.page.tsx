import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createPriceList, type PriceList, priceListsQuery } from '../api/price-lists.js';
import { ErrorNotice } from '../components/error-notice.js';
import { kindMessages, PriceListForm } from '../components/price-list-form.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    heading: 'Price lists',
    none: 'No price lists yet.',
    name: 'Name',
    kind: 'Kind',
    window: 'Runs',
    active: 'Active',
    prices: 'Prices',
    yes: 'yes',
    no: 'no',
    always: 'always',
    newList: 'New price list',
    create: 'Create price list',
    count: (n: number) => plural('en', n, { one: '# price', other: '# prices' }),
  },
  ru: {
    heading: 'Прайс-листы',
    none: 'Прайс-листов пока нет.',
    name: 'Название',
    kind: 'Вид',
    window: 'Период',
    active: 'Действует',
    prices: 'Цены',
    yes: 'да',
    no: 'нет',
    always: 'всегда',
    newList: 'Новый прайс-лист',
    create: 'Создать прайс-лист',
    count: (n: number) => plural('ru', n, { one: '# цена', few: '# цены', many: '# цен', other: '# цены' }),
  },
});

const ListRow = ({ list }: { readonly list: PriceList }) => {
  const t = useMessages(messages);
  const kinds = useMessages(kindMessages);
  const { dateTime } = useFormat();
  const window =
    list.startsAt || list.endsAt
      ? `${list.startsAt ? dateTime(list.startsAt) : '…'} – ${list.endsAt ? dateTime(list.endsAt) : '…'}`
      : t.always;
  return (
    <tr>
      <td>
        <Link to="/price-lists/$id" params={{ id: list.id }}>
          {list.name}
        </Link>
      </td>
      <td>{kinds[list.kind]}</td>
      <td>{window}</td>
      <td>{list.active ? t.yes : t.no}</td>
      <td>{t.count(list.prices.length)}</td>
    </tr>
  );
};

/** The shop's price lists (sale lists with a window, override lists), and a new one. */
export const PriceLists = () => {
  const t = useMessages(messages);
  const { data } = useSuspenseQuery(priceListsQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: createPriceList,
    onSuccess: async (list) => {
      await queryClient.invalidateQueries({ queryKey: priceListsQuery.queryKey });
      await navigate({ to: '/price-lists/$id', params: { id: list.id } });
    },
  });
  return (
    <div className="stack wide">
      <h1>{t.heading}</h1>
      {data.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.window}</th>
              <th scope="col">{t.active}</th>
              <th scope="col">{t.prices}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((list) => (
              <ListRow key={list.id} list={list} />
            ))}
          </tbody>
        </table>
      )}
      <section className="stack" aria-labelledby="new-price-list">
        <h2 id="new-price-list">{t.newList}</h2>
        {create.error ? <ErrorNotice error={create.error} /> : null}
        <PriceListForm submitLabel={t.create} busy={create.isPending} onSubmit={(fields) => create.mutate(fields)} />
      </section>
    </div>
  );
};
