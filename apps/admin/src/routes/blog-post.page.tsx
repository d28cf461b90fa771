import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { commentsQuery, moderateComment, moderationOf, postQuery, publishPost, putTranslation } from '../api/blog.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PostTextForm } from '../components/post-text-form.js';
import { dateTime } from '../format.js';

/** The post's comments, newest first, with approve and reject for those waiting. */
const Comments = ({ postId }: { readonly postId: string }) => {
  const comments = useQuery(commentsQuery(postId));
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: moderateComment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey }),
  });
  if (comments.error) return <ErrorNotice error={comments.error} />;
  const items = comments.data?.items ?? [];
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {moderate.error ? <ErrorNotice error={moderate.error} /> : null}
      {items.length === 0 ? <p>No comments.</p> : null}
      <ul className="comments">
        {items.map((c) => (
          <li key={c.id} data-testid="comment">
            <p>{c.body ?? c.title}</p>
            <small>
              {dateTime(c.updatedAt)} · <span data-testid="moderation">{moderationOf(c)}</span>
            </small>
            {moderationOf(c) === 'pending' ? (
              <span className="row">
                <button type="button" onClick={() => moderate.mutate({ postId, commentId: c.id, status: 'approved' })}>
                  Approve
                </button>
                <button type="button" onClick={() => moderate.mutate({ postId, commentId: c.id, status: 'rejected' })}>
                  Reject
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** One post: status and publishing, its locales and a translation form, and its comments' moderation. */
export const PostPage = () => {
  const { id } = getRouteApi('/app/blog/$id').useParams();
  const { data: post } = useSuspenseQuery(postQuery(id));
  const queryClient = useQueryClient();
  const [locale, setLocale] = useState('ru');
  const refresh = (next: unknown) => {
    queryClient.setQueryData(postQuery(id).queryKey, next as typeof post);
    void queryClient.invalidateQueries({ queryKey: ['blog', 'posts'] });
  };
  const publish = useMutation({ mutationFn: publishPost, onSuccess: refresh });
  const translate = useMutation({ mutationFn: putTranslation, onSuccess: refresh });
  return (
    <>
      <p>
        <Link to="/blog">All posts</Link>
      </p>
      <h1>{post.title}</h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="post-status">{post.status}</dd>
        <dt>Locales</dt>
        <dd data-testid="post-locales">{post.translations.map((t) => t.locale).join(', ')}</dd>
        <dt>Revision</dt>
        <dd>{post.revision}</dd>
      </dl>
      {post.allowedTransitions.includes('published') ? (
        <button type="button" disabled={publish.isPending} onClick={() => publish.mutate(id)}>
          Publish
        </button>
      ) : null}
      {publish.error ? <ErrorNotice error={publish.error} /> : null}
      <h2>Translate</h2>
      <div className="field">
        <label htmlFor="translation-locale">Locale</label>
        <input id="translation-locale" value={locale} pattern="[a-z]{2}(-[A-Z]{2})?" onChange={(e) => setLocale(e.target.value)} />
      </div>
      {translate.error ? <ErrorNotice error={translate.error} /> : null}
      {translate.isSuccess ? <p role="status">Translation saved.</p> : null}
      <PostTextForm
        legend={`Text in ${locale}`}
        submitLabel="Save translation"
        pending={translate.isPending}
        onSubmit={(text) => translate.mutate({ id, locale, ...text })}
      />
      <Comments postId={id} />
    </>
  );
};
