import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { type PostSummary, postsQuery } from '../api/blog.js';
import { can } from '../api/permissions.js';
import { useStatusLabel } from '../components/post-status.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    heading: 'Blog posts',
    newPost: 'New post',
    empty: 'No posts yet.',
    title: 'Title',
    status: 'Status',
    locales: 'Locales',
    updated: 'Updated',
    at: (when: string) => `for ${when}`,
  },
  ru: {
    heading: 'Записи блога',
    newPost: 'Новая запись',
    empty: 'Записей пока нет.',
    title: 'Заголовок',
    status: 'Статус',
    locales: 'Языки',
    updated: 'Изменена',
    at: (when: string) => `на ${when}`,
  },
});

const Row = ({ post }: { readonly post: PostSummary }) => {
  const t = useMessages(messages);
  const label = useStatusLabel();
  const { dateTime } = useFormat();
  return (
    <tr>
      <td>
        <Link to="/blog/$id" params={{ id: post.id }}>
          {post.title}
        </Link>
      </td>
      <td>
        {label(post.status)}
        {post.status === 'scheduled' && post.publishAt ? ` ${t.at(dateTime(post.publishAt))}` : ''}
      </td>
      <td>{post.translations.map((x) => x.locale).join(', ') || post.locale}</td>
      <td>{dateTime(post.updatedAt)}</td>
    </tr>
  );
};

/** The blog's posts, newest first, with their status (and when a scheduled one goes out) and locales. */
export const Posts = () => {
  const { data } = useSuspenseQuery(postsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  return (
    <>
      <div className="row heading-row">
        <h1>{t.heading}</h1>
        {can(me, 'blog.posts.create') ? (
          <Link to="/blog/new" className="button">
            {t.newPost}
          </Link>
        ) : null}
      </div>
      {data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.locales}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <Row key={p.id} post={p} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
