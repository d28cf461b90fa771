import { useMutation, useQueries, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { commentsQuery, moderateComment, moderationOf, postsQuery } from '../api/blog.js';
import { pendingCommentsQuery } from '../api/content.js';
import { CommentItem } from '../components/comment-item.js';
import { ErrorNotice } from '../components/error-notice.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    heading: 'Comments to moderate',
    empty: 'No comment is waiting.',
    waiting: (n: number) => plural('en', n, { one: '# comment waits for approval.', other: '# comments wait for approval.' }),
    untitled: 'A post',
  },
  ru: {
    heading: 'Комментарии на проверку',
    empty: 'Ни один комментарий не ждёт проверки.',
    waiting: (n: number) =>
      plural('ru', n, {
        one: '# комментарий ждёт проверки.',
        few: '# комментария ждут проверки.',
        many: '# комментариев ждут проверки.',
        other: '# комментария ждут проверки.',
      }),
    untitled: 'Запись',
  },
});

/** Comments waiting for approval across the blog's posts (the latest 100), grouped by post, approved or rejected here. */
export const CommentQueue = () => {
  const t = useMessages(messages);
  const { data: waiting } = useSuspenseQuery(pendingCommentsQuery);
  const { data: posts } = useSuspenseQuery(postsQuery);
  const postIds = [...new Set(waiting.map((c) => c.parentId).filter((id): id is string => id !== null))];
  // The node list leaves bodies out; each post's comment list has them.
  const threads = useQueries({ queries: postIds.map((id) => commentsQuery(id)) });
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: moderateComment,
    onSettled: async (_, __, v) => {
      await queryClient.invalidateQueries({ queryKey: commentsQuery(v.postId).queryKey });
      await queryClient.invalidateQueries({ queryKey: pendingCommentsQuery.queryKey });
    },
  });
  const error = moderate.error ?? threads.find((q) => q.error)?.error;
  return (
    <>
      <h1>{t.heading}</h1>
      {error ? <ErrorNotice error={error} /> : null}
      <p role="status">{waiting.length === 0 ? t.empty : t.waiting(waiting.length)}</p>
      {postIds.map((postId, i) => {
        const title = posts.items.find((p) => p.id === postId)?.title ?? t.untitled;
        const comments = (threads[i]?.data?.items ?? []).filter((c) => moderationOf(c) === 'pending');
        return (
          <section key={postId} aria-label={title}>
            <h2>
              <Link to="/blog/$id" params={{ id: postId }}>
                {title}
              </Link>
            </h2>
            <ul className="comments">
              {comments.map((c) => (
                <CommentItem
                  key={c.id}
                  comment={c}
                  canModerate
                  pending={moderate.isPending}
                  onModerate={(status) => moderate.mutate({ postId, commentId: c.id, status })}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
};
