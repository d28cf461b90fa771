import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Post, postQuery } from '../api/blog.js';
import { type Revision, restoreRevision, revisionsQuery } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { HistoryTable } from './history-table.js';
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
        <HistoryTable
          rows={items.map((r) => ({
            key: r.id,
            number: r.number,
            current: r.number === post.revision,
            detail: label(r.action),
            createdAt: r.createdAt,
          }))}
          labels={{ ...t, detail: t.action, question: t.restoreQuestion, confirm: t.restoreConfirm }}
          rowTestId="revision"
          compared={compared}
          onCompare={setCompared}
          {...(canRestore
            ? { restore: { pending: restore.isPending, onRestore: (row) => restore.mutate({ nodeId: post.id, revisionId: row.key }) } }
            : {})}
        />
      ) : null}
      {chosen ? <Comparison revision={chosen} post={post} /> : null}
    </section>
  );
};
