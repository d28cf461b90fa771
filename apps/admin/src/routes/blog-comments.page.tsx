import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type Comment, commentQueueQuery, commentsQuery, moderateComment, postsQuery } from '../api/blog.js';
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

/** The waiting comments by post, posts in the order of their newest waiting comment. */
const byPost = (comments: readonly Comment[]): Map<string, Comment[]> => {
  const out = new Map<string, Comment[]>();
  for (const c of comments) if (c.parentId) out.set(c.parentId, [...(out.get(c.parentId) ?? []), c]);
  return out;
};

/** Comments waiting for approval across the blog's posts (the latest 100), grouped by post, approved or rejected here. */
export const CommentQueue = () => {
  const t = useMessages(messages);
  const { data: queue } = useSuspenseQuery(commentQueueQuery);
  const { data: posts } = useSuspenseQuery(postsQuery);
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: moderateComment,
    onSettled: async (_data, _error, v) => {
      await queryClient.invalidateQueries({ queryKey: commentsQuery(v.postId).queryKey });
      await queryClient.invalidateQueries({ queryKey: commentQueueQuery.queryKey });
    },
  });
  const waiting = queue.items;
  return (
    <>
      <h1>{t.heading}</h1>
      {moderate.error ? <ErrorNotice error={moderate.error} /> : null}
      <p role="status">{waiting.length === 0 ? t.empty : t.waiting(waiting.length)}</p>
      {[...byPost(waiting)].map(([postId, comments]) => {
        const title = posts.items.find((p) => p.id === postId)?.title ?? t.untitled;
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
