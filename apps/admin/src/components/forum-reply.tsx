import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { meQuery } from '../api/auth.js';
import { type Reply, repliesQuery, updateReply } from '../api/forum.js';
import { can } from '../api/permissions.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: { edit: 'Edit reply', text: 'Reply text', save: 'Save reply', cancel: 'Cancel', edited: 'edited' },
  ru: { edit: 'Изменить ответ', text: 'Текст ответа', save: 'Сохранить ответ', cancel: 'Отмена', edited: 'изменён' },
});

const EditReply = ({ topicId, reply, onDone }: { readonly topicId: string; readonly reply: Reply; readonly onDone: () => void }) => {
  const t = useMessages(messages);
  const id = useId();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateReply,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: repliesQuery(topicId).queryKey });
      onDone();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get('body') ?? '');
    save.mutate({ topicId, replyId: reply.id, body });
  };
  return (
    <form className="stack wide" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t.text}</label>
        {/* biome-ignore lint/a11y/noAutofocus: the editor opens on request, at the text to edit */}
        <textarea id={id} name="body" rows={4} required maxLength={50_000} defaultValue={reply.body ?? ''} autoFocus />
      </div>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
};

/** A reply with its date; its author (update_own) or a moderator may edit its text. */
export const ForumReply = ({ topicId, reply }: { readonly topicId: string; readonly reply: Reply }) => {
  const t = useMessages(messages);
  const f = useFormat();
  const { data: me } = useSuspenseQuery(meQuery);
  const [editing, setEditing] = useState(false);
  const mayEdit = can(me, 'forum.topics.moderate') || (can(me, 'forum.replies.update_own') && reply.authorId === me.id);
  return (
    <li data-testid="reply">
      {editing ? <EditReply topicId={topicId} reply={reply} onDone={() => setEditing(false)} /> : <p>{reply.body}</p>}
      <small>
        {f.dateTime(reply.createdAt)}
        {reply.revision > 1 ? ` · ${t.edited}` : ''}
      </small>
      {mayEdit && !editing ? (
        <div>
          <button type="button" onClick={() => setEditing(true)}>
            {t.edit}
          </button>
        </div>
      ) : null}
    </li>
  );
};
