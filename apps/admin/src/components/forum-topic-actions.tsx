import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Me } from '../api/auth.js';
import { deleteTopic, isLocked, isPinned, setLocked, setPinned, type Topic, topicQuery, topicsQuery } from '../api/forum.js';
import { can } from '../api/permissions.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    actions: 'Moderate the topic',
    pin: 'Pin',
    unpin: 'Unpin',
    lock: 'Lock',
    unlock: 'Unlock',
    delete: 'Delete topic',
    confirm: (title: string) => `Delete “${title}” and all its replies? This cannot be undone.`,
    yes: 'Yes, delete',
    no: 'Keep it',
  },
  ru: {
    actions: 'Модерация темы',
    pin: 'Закрепить',
    unpin: 'Открепить',
    lock: 'Закрыть',
    unlock: 'Открыть',
    delete: 'Удалить тему',
    confirm: (title: string) => `Удалить «${title}» со всеми ответами? Это нельзя отменить.`,
    yes: 'Да, удалить',
    no: 'Оставить',
  },
});

/** Deleting asks first, in the page (a button to confirm and one to keep the topic). */
const DeleteTopic = ({ topic }: { readonly topic: Topic }) => {
  const t = useMessages(messages);
  const [asking, setAsking] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: deleteTopic,
    onSuccess: async () => {
      queryClient.setQueryData(topicsQuery.queryKey, (list) => list && { ...list, items: list.items.filter((x) => x.id !== topic.id) });
      await navigate({ to: '/forum' });
      queryClient.removeQueries({ queryKey: topicQuery(topic.id).queryKey });
      queryClient.removeQueries({ queryKey: ['forum', 'replies', topic.id] });
      await queryClient.invalidateQueries({ queryKey: ['forum', 'topics'] });
    },
  });
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t.delete}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="delete-topic-question" className="stack">
      <p id="delete-topic-question">{t.confirm(topic.title)}</p>
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      <div className="row">
        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(topic.id)}>
          {t.yes}
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: the question opens on request; its safe answer takes focus */}
        <button type="button" autoFocus onClick={() => setAsking(false)}>
          {t.no}
        </button>
      </div>
    </div>
  );
};

/** Pin / unpin and lock / unlock (forum.topics.moderate), delete (forum.topics.delete). */
export const TopicActions = ({ topic, me }: { readonly topic: Topic; readonly me: Me }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const onSuccess = (next: Topic) => {
    queryClient.setQueryData(topicQuery(topic.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['forum', 'topics'] });
  };
  const pin = useMutation({ mutationFn: setPinned, onSuccess });
  const lock = useMutation({ mutationFn: setLocked, onSuccess });
  const moderate = can(me, 'forum.topics.moderate');
  const pinned = isPinned(topic);
  const locked = isLocked(topic);
  if (!moderate && !can(me, 'forum.topics.delete')) return null;
  return (
    <div className="stack wide">
      <fieldset className="row actions">
        <legend>{t.actions}</legend>
        {moderate ? (
          <button type="button" disabled={pin.isPending} onClick={() => pin.mutate({ id: topic.id, pinned: !pinned })}>
            {pinned ? t.unpin : t.pin}
          </button>
        ) : null}
        {moderate ? (
          <button type="button" disabled={lock.isPending} onClick={() => lock.mutate({ id: topic.id, locked: !locked })}>
            {locked ? t.unlock : t.lock}
          </button>
        ) : null}
        {can(me, 'forum.topics.delete') ? <DeleteTopic topic={topic} /> : null}
      </fieldset>
      {pin.error ? <ErrorNotice error={pin.error} /> : null}
      {lock.error ? <ErrorNotice error={lock.error} /> : null}
    </div>
  );
};
