import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { type Post, postQuery, publishPost, putTranslation } from '../api/blog.js';
import { categoriesQuery, tagsQuery } from '../api/content.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PostComments } from '../components/post-comments.js';
import { PostSchedule } from '../components/post-schedule.js';
import { useStatusLabel } from '../components/post-status.js';
import { PostTextForm } from '../components/post-text-form.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    all: 'All posts',
    edit: 'Edit text, category and tags',
    status: 'Status',
    locales: 'Locales',
    revision: 'Revision',
    category: 'Category',
    tags: 'Tags',
    none: '—',
    publish: 'Publish',
    translate: 'Translate',
    locale: 'Locale',
    textIn: (locale: string) => `Text in ${locale}`,
    saveTranslation: 'Save translation',
    translationSaved: 'Translation saved.',
  },
  ru: {
    all: 'Все записи',
    edit: 'Править текст, рубрику и метки',
    status: 'Статус',
    locales: 'Языки',
    revision: 'Редакция',
    category: 'Рубрика',
    tags: 'Метки',
    none: '—',
    publish: 'Опубликовать',
    translate: 'Перевод',
    locale: 'Язык',
    textIn: (locale: string) => `Текст на языке ${locale}`,
    saveTranslation: 'Сохранить перевод',
    translationSaved: 'Перевод сохранён.',
  },
});

/** Status, locales, revision, category and tags of the post. */
const Facts = ({ post }: { readonly post: Post }) => {
  const t = useMessages(messages);
  const statusLabel = useStatusLabel();
  const categories = useQuery(categoriesQuery);
  const tags = useQuery(tagsQuery);
  const category = categories.data?.items.find((c) => c.id === post.categoryId)?.name;
  const tagNames = (tags.data?.items ?? []).filter((x) => post.tagIds.includes(x.id)).map((x) => x.name);
  return (
    <dl className="facts">
      <dt>{t.status}</dt>
      <dd data-testid="post-status">{statusLabel(post.status)}</dd>
      <dt>{t.locales}</dt>
      <dd data-testid="post-locales">{post.translations.map((x) => x.locale).join(', ')}</dd>
      <dt>{t.revision}</dt>
      <dd>{post.revision}</dd>
      <dt>{t.category}</dt>
      <dd data-testid="post-category">{category ?? t.none}</dd>
      <dt>{t.tags}</dt>
      <dd data-testid="post-tags">{tagNames.join(', ') || t.none}</dd>
    </dl>
  );
};

/** One post: facts, publishing and scheduling, a translation form, and its comments' moderation. */
export const PostPage = () => {
  const { id } = getRouteApi('/app/blog/$id').useParams();
  const { data: post } = useSuspenseQuery(postQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [locale, setLocale] = useState('ru');
  const refresh = (next: Post) => {
    queryClient.setQueryData(postQuery(id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['blog', 'posts'] });
    void queryClient.invalidateQueries({ queryKey: ['content', 'revisions', id] });
  };
  const publish = useMutation({ mutationFn: publishPost, onSuccess: refresh });
  const translate = useMutation({ mutationFn: putTranslation, onSuccess: refresh });
  return (
    <>
      <p className="row heading-row">
        <Link to="/blog">{t.all}</Link>
        {can(me, 'blog.posts.update') || can(me, 'blog.posts.update_own') ? (
          <Link to="/blog/$id/edit" params={{ id }} className="button">
            {t.edit}
          </Link>
        ) : null}
      </p>
      <h1>{post.title}</h1>
      <Facts post={post} />
      {post.allowedTransitions.includes('published') && can(me, 'blog.posts.publish') ? (
        <button type="button" disabled={publish.isPending} onClick={() => publish.mutate(id)}>
          {t.publish}
        </button>
      ) : null}
      {publish.error ? <ErrorNotice error={publish.error} /> : null}
      {can(me, 'content.nodes.publish') ? <PostSchedule post={post} onMoved={refresh} /> : null}
      <h2>{t.translate}</h2>
      <div className="field">
        <label htmlFor="translation-locale">{t.locale}</label>
        <input id="translation-locale" value={locale} pattern="[a-z]{2}(-[A-Z]{2})?" onChange={(e) => setLocale(e.target.value)} />
      </div>
      {translate.error ? <ErrorNotice error={translate.error} /> : null}
      {translate.isSuccess ? <p role="status">{t.translationSaved}</p> : null}
      <PostTextForm
        legend={t.textIn(locale)}
        submitLabel={t.saveTranslation}
        pending={translate.isPending}
        onSubmit={(text) => translate.mutate({ id, locale, ...text })}
      />
      <PostComments postId={id} canModerate={can(me, 'blog.comments.moderate')} />
    </>
  );
};
