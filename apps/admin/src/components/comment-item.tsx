import { type Comment, type Moderation, moderationOf } from '../api/blog.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { approve: 'Approve', reject: 'Reject', pending: 'pending', approved: 'approved', rejected: 'rejected' },
  ru: { approve: 'Одобрить', reject: 'Отклонить', pending: 'ждёт проверки', approved: 'одобрен', rejected: 'отклонён' },
});

interface Props {
  readonly comment: Comment;
  /** Whether approve / reject show for a pending comment. */
  readonly canModerate: boolean;
  readonly pending: boolean;
  readonly onModerate: (status: Exclude<Moderation, 'pending'>) => void;
}

/** One comment: its text, when, its moderation state, and approve / reject while it waits. */
export const CommentItem = ({ comment, canModerate, pending, onModerate }: Props) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  const state = moderationOf(comment);
  return (
    <li data-testid="comment">
      <p>{comment.body ?? comment.title}</p>
      <small>
        {dateTime(comment.updatedAt)} · <span data-testid="moderation">{t[state]}</span>
      </small>
      {canModerate && state === 'pending' ? (
        <span className="row">
          <button type="button" disabled={pending} onClick={() => onModerate('approved')}>
            {t.approve}
          </button>
          <button type="button" disabled={pending} onClick={() => onModerate('rejected')}>
            {t.reject}
          </button>
        </span>
      ) : null}
    </li>
  );
};
