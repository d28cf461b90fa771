import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { commentQueueQuery, commentsQuery, moderateComment } from '../api/blog.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { CommentItem } from './comment-item.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: { heading: 'Comments', none: 'No comments.' },
  ru: { heading: 'Комментарии', none: 'Комментариев нет.' },
});

/** A post's comments, newest first, with approve and reject for those waiting. */
export const PostComments = ({ postId, canModerate }: { readonly postId: string; readonly canModerate: boolean }) => {
  const t = useMessages(messages);
  const comments = useQuery(commentsQuery(postId));
  const queryClient = useQueryClient();
  const moderate = useMutation({
    mutationFn: moderateComment,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commentsQuery(postId).queryKey });
      await queryClient.invalidateQueries({ queryKey: commentQueueQuery.queryKey });
    },
  });
  if (comments.error) return <ErrorNotice error={comments.error} />;
  const items = comments.data?.items ?? [];
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t.heading}</h2>
      {moderate.error ? <ErrorNotice error={moderate.error} /> : null}
      {comments.data && items.length === 0 ? <p>{t.none}</p> : null}
      <ul className="comments">
        {items.map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            canModerate={canModerate}
            pending={moderate.isPending}
            onModerate={(status) => moderate.mutate({ postId, commentId: c.id, status })}
          />
        ))}
      </ul>
    </section>
  );
};
