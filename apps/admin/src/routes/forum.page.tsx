import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { isLocked, isPinned, lastActivityOf, topicsQuery } from '../api/forum.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TopicFlags } from '../components/forum-topic-flags.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Forum',
    none: 'No topics yet.',
    topic: 'Topic',
    state: 'State',
    replies: 'Replies',
    lastActivity: 'Last activity',
    count: (n: number) => plural('en', n, { one: '# topic', other: '# topics' }),
  },
  ru: {
    title: 'Форум',
    none: 'Тем пока нет.',
    topic: 'Тема',
    state: 'Состояние',
    replies: 'Ответы',
    lastActivity: 'Последняя активность',
    count: (n: number) => plural('ru', n, { one: '# тема', few: '# темы', many: '# тем', other: '# темы' }),
  },
});

/** The forum's topics as the server orders them: pinned first, then by last activity. */
export const ForumTopics = () => {
  const t = useMessages(messages);
  const f = useFormat();
  const list = useQuery(topicsQuery);
  const items = list.data?.items ?? [];
  return (
    <>
      <div className="row heading-row">
        <h1>{t.title}</h1>
        {list.data ? <p>{t.count(items.length)}</p> : null}
      </div>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && items.length === 0 ? <p>{t.none}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.topic}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.replies}</th>
              <th scope="col">{t.lastActivity}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((topic) => (
              <tr key={topic.id}>
                <td>
                  <Link to="/forum/$id" params={{ id: topic.id }}>
                    {topic.title}
                  </Link>
                </td>
                <td>
                  <TopicFlags pinned={isPinned(topic)} locked={isLocked(topic)} />
                </td>
                <td>{f.number(topic.replyCount)}</td>
                <td>{f.dateTime(lastActivityOf(topic))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
