import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { meQuery } from '../api/auth.js';
import { createPage, pagesQuery } from '../api/pages.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PageStatus } from '../components/page-status.js';
import { TextField } from '../components/text-field.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Pages',
    none: 'No pages yet.',
    page: 'Page',
    slug: 'Slug',
    status: 'Status',
    updated: 'Updated',
    newPage: 'New page',
    pageTitle: 'Title',
    slugHint: 'Lower-case words joined by hyphens; made from the title when left empty.',
    create: 'Create draft',
  },
  ru: {
    title: 'Страницы',
    none: 'Страниц пока нет.',
    page: 'Страница',
    slug: 'Адрес (slug)',
    status: 'Статус',
    updated: 'Изменена',
    newPage: 'Новая страница',
    pageTitle: 'Заголовок',
    slugHint: 'Строчные слова через дефис; если пусто — из заголовка.',
    create: 'Создать черновик',
  },
});

/** A new page starts as a draft without blocks; its screen opens to add them. */
const NewPage = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createPage,
    onSuccess: async (page) => {
      await queryClient.invalidateQueries({ queryKey: pagesQuery.queryKey });
      await navigate({ to: '/pages/$id', params: { id: page.id } });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const slug = String(data.get('slug') ?? '').trim();
    create.mutate({ title: String(data.get('title') ?? '').trim(), ...(slug ? { slug } : {}) });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="new-page">
      <h2 id="new-page">{t.newPage}</h2>
      <TextField label={t.pageTitle} name="title" required maxLength={500} />
      <TextField label={t.slug} name="slug" hint={t.slugHint} pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={200} />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <button type="submit" disabled={create.isPending}>
        {t.create}
      </button>
    </form>
  );
};

/** The site's pages, newest first, with their status; a new draft below. */
export const Pages = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const { data: me } = useSuspenseQuery(meQuery);
  const list = useQuery(pagesQuery);
  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && items.length === 0 ? <p>{t.none}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.page}</th>
              <th scope="col">{t.slug}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((page) => (
              <tr key={page.id}>
                <td>
                  <Link to="/pages/$id" params={{ id: page.id }}>
                    {page.title}
                  </Link>
                </td>
                <td>{page.slug}</td>
                <td>
                  <PageStatus status={page.status} />
                </td>
                <td>{f.dateTime(page.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {can(me, 'pages.pages.create') ? <NewPage /> : null}
    </>
  );
};
