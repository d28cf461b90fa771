import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Post, type PostStatus, transitionPost } from '../api/blog.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    heading: 'Scheduling',
    at: 'Publication date and time',
    hint: 'Your local time; the post goes out on its own then.',
    schedule: 'Schedule',
    scheduledFor: (when: string) => `Goes out on ${when}.`,
    unschedule: 'Unschedule',
    archive: 'Archive',
    toDraft: 'Back to draft',
  },
  ru: {
    heading: 'Расписание',
    at: 'Дата и время публикации',
    hint: 'По вашему местному времени; запись выйдет сама.',
    schedule: 'Запланировать',
    scheduledFor: (when: string) => `Выйдет ${when}.`,
    unschedule: 'Снять с расписания',
    archive: 'В архив',
    toDraft: 'Вернуть в черновики',
  },
});

/** A datetime-local value (local time, to the minute) of a date. */
const localInput = (date: Date): string => {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

const MOVES: readonly { from: PostStatus; to: PostStatus; label: 'unschedule' | 'archive' | 'toDraft' }[] = [
  { from: 'scheduled', to: 'draft', label: 'unschedule' },
  { from: 'published', to: 'archived', label: 'archive' },
  { from: 'archived', to: 'draft', label: 'toDraft' },
];

/** Publication later: a future date-time moves a draft to scheduled; a scheduled post goes back to draft; the other moves the server allows. */
export const PostSchedule = ({ post, onMoved }: { readonly post: Post; readonly onMoved: (next: Post) => void }) => {
  const id = useId();
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  const [at, setAt] = useState(() => localInput(new Date(Date.now() + 24 * 3_600_000)));
  const move = useMutation({ mutationFn: transitionPost, onSuccess: onMoved });
  const moves = MOVES.filter((m) => m.from === post.status && post.allowedTransitions.includes(m.to));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      {move.error ? <ErrorNotice error={move.error} /> : null}
      {post.status === 'scheduled' && post.publishAt ? (
        <p data-testid="post-scheduled">{t.scheduledFor(dateTime(post.publishAt))}</p>
      ) : null}
      {post.allowedTransitions.includes('scheduled') ? (
        <form
          className="row schedule"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ id: post.id, to: 'scheduled', publishAt: new Date(at).toISOString() });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-at`}>{t.at}</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              required
              min={localInput(new Date())}
              value={at}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setAt(e.target.value)}
            />
            <small id={`${id}-hint`} className="hint">
              {t.hint}
            </small>
          </div>
          <button type="submit" disabled={move.isPending}>
            {t.schedule}
          </button>
        </form>
      ) : null}
      {moves.map((m) => (
        <button key={m.to} type="button" disabled={move.isPending} onClick={() => move.mutate({ id: post.id, to: m.to })}>
          {t[m.label]}
        </button>
      ))}
    </section>
  );
};
