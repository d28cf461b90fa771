import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { isLocked, isPinned, lastActivityOf, repliesQuery, topicQuery } from '../api/forum.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ForumReply } from '../components/forum-reply.js';
import { TopicActions } from '../components/forum-topic-actions.js';
import { TopicFlags } from '../components/forum-topic-flags.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All topics',
    state: 'State',
    lastActivity: 'Last activity',
    replies: 'Replies',
    none: 'No replies yet.',
    count: (n: number) => plural('en', n, { one: '# reply', other: '# replies' }),
  },
  ru: {
    back: 'Все темы',
    state: 'Состояние',
    lastActivity: 'Последняя активность',
    replies: 'Ответы',
    none: 'Ответов пока нет.',
    count: (n: number) => plural('ru', n, { one: '# ответ', few: '# ответа', many: '# ответов', other: '# ответа' }),
  },
});

/** The topic's replies, newest first, each editable by whoever may. */
const Replies = ({ topicId }: { readonly topicId: string }) => {
  const t = useMessages(messages);
  const replies = useQuery(repliesQuery(topicId));
  const items = replies.data?.items ?? [];
  return (
    <section aria-labelledby="replies">
      <h2 id="replies">{t.replies}</h2>
      {replies.error ? <ErrorNotice error={replies.error} /> : null}
      {replies.data && items.length === 0 ? <p>{t.none}</p> : null}
      <ul className="comments">
        {items.map((reply) => (
          <ForumReply key={reply.id} topicId={topicId} reply={reply} />
        ))}
      </ul>
    </section>
  );
};

/** One topic: its state, the moderator's moves (pin, lock, delete) and its replies. */
export const ForumTopic = () => {
  const { id } = getRouteApi('/app/forum/$id').useParams();
  const { data: topic } = useSuspenseQuery(topicQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  const f = useFormat();
  return (
    <>
      <p>
        <Link to="/forum">{t.back}</Link>
      </p>
      <h1>{topic.title}</h1>
      {topic.body ? <p className="preview">{topic.body}</p> : null}
      <dl className="facts">
        <dt>{t.state}</dt>
        <dd>
          <TopicFlags pinned={isPinned(topic)} locked={isLocked(topic)} />
        </dd>
        <dt>{t.replies}</dt>
        <dd>{t.count(topic.replyCount)}</dd>
        <dt>{t.lastActivity}</dt>
        <dd>{f.dateTime(lastActivityOf(topic))}</dd>
      </dl>
      <TopicActions topic={topic} me={me} />
      <Replies topicId={id} />
    </>
  );
};
