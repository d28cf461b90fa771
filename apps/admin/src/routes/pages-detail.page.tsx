import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { pageQuery, publishPage } from '../api/pages.js';
import { can } from '../api/permissions.js';
import { BlockEditor } from '../components/block-editor.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageStatus } from '../components/page-status.js';
import { PageTextForm } from '../components/page-text-form.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All pages', status: 'Status', slug: 'Slug', published: 'Published', publish: 'Publish', revision: 'Revision' },
  ru: {
    back: 'Все страницы',
    status: 'Статус',
    slug: 'Адрес (slug)',
    published: 'Опубликована',
    publish: 'Опубликовать',
    revision: 'Редакция',
  },
});

/** One page: its status and publishing, and the ordered block editor. */
export const PageDetail = () => {
  const { id } = getRouteApi('/app/pages/$id').useParams();
  const { data: page } = useSuspenseQuery(pageQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  const f = useFormat();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: publishPage,
    onSuccess: (next) => {
      queryClient.setQueryData(pageQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['pages', 'list'] });
    },
  });
  return (
    <>
      <p>
        <Link to="/pages">{t.back}</Link>
      </p>
      <h1>{page.title}</h1>
      <dl className="facts">
        <dt>{t.status}</dt>
        <dd>
          <PageStatus status={page.status} />
        </dd>
        <dt>{t.slug}</dt>
        <dd>{page.slug}</dd>
        <dt>{t.revision}</dt>
        <dd>{page.revision}</dd>
        {page.publishedAt ? (
          <>
            <dt>{t.published}</dt>
            <dd>{f.dateTime(page.publishedAt)}</dd>
          </>
        ) : null}
      </dl>
      {page.allowedTransitions.includes('published') && can(me, 'pages.pages.publish') ? (
        <button type="button" disabled={publish.isPending} onClick={() => publish.mutate(id)}>
          {t.publish}
        </button>
      ) : null}
      {publish.error ? <ErrorNotice error={publish.error} /> : null}
      {can(me, 'pages.pages.update') ? <PageTextForm page={page} /> : null}
      <BlockEditor key={page.id} page={page} readOnly={!can(me, 'pages.pages.update')} />
    </>
  );
};
