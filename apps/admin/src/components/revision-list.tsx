import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Post, postQuery } from '../api/blog.js';
import { type Revision, restoreRevision, revisionsQuery } from '../api/content.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';
import { useStatusLabel } from './post-status.js';
import { RevisionDiff } from './revision-diff.js';

const messages = defineMessages({
  en: {
    heading: 'Revisions',
    none: 'No revisions yet.',
    number: 'Revision',
    action: 'Change',
    when: 'When',
    actions: 'Actions',
    current: 'current',
    compare: (n: number) => `Compare revision ${n}`,
    restore: (n: number) => `Restore revision ${n}`,
    restoreQuestion: (n: number) => `Put back the text of revision ${n}? The current text stays in the history as a revision.`,
    restoreConfirm: 'Restore',
    restored: (n: number) => `Revision ${n} restored.`,
    diffOf: (n: number) => `Revision ${n} against the current text`,
    titleThen: (title: string) => `Its title: “${title}”.`,
  },
  ru: {
    heading: 'Редакции',
    none: 'Редакций пока нет.',
    number: 'Редакция',
    action: 'Изменение',
    when: 'Когда',
    actions: 'Действия',
    current: 'текущая',
    compare: (n: number) => `Сравнить редакцию ${n}`,
    restore: (n: number) => `Восстановить редакцию ${n}`,
    restoreQuestion: (n: number) => `Вернуть текст редакции ${n}? Текущий текст останется в истории как редакция.`,
    restoreConfirm: 'Восстановить',
    restored: (n: number) => `Редакция ${n} восстановлена.`,
    diffOf: (n: number) => `Редакция ${n} в сравнении с текущим текстом`,
    titleThen: (title: string) => `Её заголовок: «${title}».`,
  },
});

/** The revision's body in the post's locale (empty when that locale had no text then). */
const textAt = (revision: Revision, locale: string) => revision.snapshot.translations?.find((t) => t.locale === locale);

/** The chosen revision's title (when it differs) and body against the current ones. */
const Comparison = ({ revision, post }: { readonly revision: Revision; readonly post: Post }) => {
  const t = useMessages(messages);
  const then = textAt(revision, post.locale);
  return (
    <>
      {then && then.title !== post.title ? <p data-testid="revision-title">{t.titleThen(then.title)}</p> : null}
      <RevisionDiff label={t.diffOf(revision.number)} before={then?.body ?? ''} after={post.body ?? ''} />
    </>
  );
};

interface Props {
  readonly post: Post;
  /** Whether restore buttons show (the server checks again). */
  readonly canRestore: boolean;
}

/** A post's revisions, newest first: compare one with the current text line by line, or put it back. */
export const RevisionList = ({ post, canRestore }: Props) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  const label = useStatusLabel();
  const revisions = useQuery(revisionsQuery(post.id));
  const queryClient = useQueryClient();
  const [compared, setCompared] = useState<string | null>(null);
  const restore = useMutation({
    mutationFn: restoreRevision,
    onSuccess: (next) => {
      queryClient.setQueryData(postQuery(post.id).queryKey, next);
      setCompared(null);
      void queryClient.invalidateQueries({ queryKey: revisionsQuery(post.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['blog', 'posts'] });
    },
  });
  const items = revisions.data?.items ?? [];
  const chosen = items.find((r) => r.id === compared);
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">{t.heading}</h2>
      {revisions.error ? <ErrorNotice error={revisions.error} /> : null}
      {restore.error ? <ErrorNotice error={restore.error} /> : null}
      {restore.isSuccess ? <p role="status">{t.restored(items.find((r) => r.id === restore.variables.revisionId)?.number ?? 0)}</p> : null}
      {revisions.data && items.length === 0 ? <p>{t.none}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.number}</th>
              <th scope="col">{t.action}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">
                <span className="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-testid="revision">
                <td>
                  {r.number}
                  {r.number === post.revision ? ` (${t.current})` : ''}
                </td>
                <td>{label(r.action)}</td>
                <td>{dateTime(r.createdAt)}</td>
                <td className="row">
                  <button type="button" aria-pressed={compared === r.id} onClick={() => setCompared(compared === r.id ? null : r.id)}>
                    {t.compare(r.number)}
                  </button>
                  {canRestore && r.number !== post.revision ? (
                    <ConfirmAction
                      label={t.restore(r.number)}
                      question={t.restoreQuestion(r.number)}
                      confirmLabel={t.restoreConfirm}
                      disabled={restore.isPending}
                      onConfirm={() => restore.mutate({ nodeId: post.id, revisionId: r.id })}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {chosen ? <Comparison revision={chosen} post={post} /> : null}
    </section>
  );
};
