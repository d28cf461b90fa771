import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { archiveProduct, productQuery, publishProduct } from '../api/products.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { ErrorNotice } from '../components/error-notice.js';
import { AttachedFieldsets } from '../components/flex-attached.js';
import { ProductFieldsForm } from '../components/product-fields-form.js';
import { ProductImagesSection } from '../components/product-images.js';
import { statusMessages } from '../components/product-status.js';
import { ProductTranslations } from '../components/product-translations.js';
import { ProductVariants } from '../components/product-variants.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All products', status: 'Status', handle: 'Handle', publish: 'Publish', archive: 'Archive', moves: 'Publishing' },
  ru: { back: 'Все товары', status: 'Статус', handle: 'Адрес', publish: 'Опубликовать', archive: 'В архив', moves: 'Публикация' },
});

/** Publish / archive, offered for the statuses they change and to those allowed to. */
const StatusActions = ({ id, status }: { readonly id: string; readonly status: string }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (run: (id: string) => Promise<unknown>) => run(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commerce'] }),
  });
  return (
    <fieldset className="row">
      <legend>{t.moves}</legend>
      {status !== 'published' ? (
        <button type="button" disabled={move.isPending} onClick={() => move.mutate(publishProduct)}>
          {t.publish}
        </button>
      ) : null}
      {status !== 'archived' ? (
        <button type="button" disabled={move.isPending} onClick={() => move.mutate(archiveProduct)}>
          {t.archive}
        </button>
      ) : null}
      {move.error ? <ErrorNotice error={move.error} /> : null}
    </fieldset>
  );
};

/** One product: its fields and SEO, status, translations per tenant locale, variants with prices and stock. */
export const ProductPage = () => {
  const t = useMessages(messages);
  const statuses = useMessages(statusMessages);
  const { id } = getRouteApi('/app/products/$id').useParams();
  const { data: product } = useSuspenseQuery(productQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: locales } = useSuspenseQuery(tenantLocalesQuery);
  const write = can(me, 'commerce.products.write');
  return (
    <div className="stack wide">
      <Link to="/products">{t.back}</Link>
      <h1>{product.title}</h1>
      <dl className="facts">
        <dt>{t.status}</dt>
        <dd data-testid="product-status">{statuses[product.status]}</dd>
        <dt>{t.handle}</dt>
        <dd>{product.handle}</dd>
      </dl>
      {can(me, 'commerce.products.publish') ? <StatusActions id={id} status={product.status} /> : null}
      <ProductFieldsForm product={product} canWrite={write} />
      <ProductImagesSection productId={id} me={me} />
      <ProductTranslations product={product} locales={locales} canWrite={write} />
      <ProductVariants
        product={product}
        canWrite={write}
        canPrice={can(me, 'commerce.prices.manage')}
        canStock={can(me, 'commerce.inventory.manage')}
      />
      {can(me, 'flex.entries.read') ? <AttachedFieldsets target="product" entityId={id} canWrite={can(me, 'flex.entries.update')} /> : null}
    </div>
  );
};
