import { useMemo } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { lineDiff } from '../line-diff.js';

const messages = defineMessages({
  en: {
    added: 'added',
    removed: 'removed',
    same: 'No difference from the current text.',
    summary: (added: number, removed: number) => `${added} added, ${removed} removed`,
  },
  ru: {
    added: 'добавлено',
    removed: 'удалено',
    same: 'Не отличается от текущего текста.',
    summary: (added: number, removed: number) => `добавлено: ${added}, удалено: ${removed}`,
  },
});

interface Props {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** The lines of a revision against the current text: removed lines marked −, added +, kept ones plain (a sign and a word, not colour only). */
export const RevisionDiff = ({ label, before, after }: Props) => {
  const t = useMessages(messages);
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  return (
    <section className="diff" aria-label={label}>
      <p className="hint">{added + removed === 0 ? t.same : t.summary(added, removed)}</p>
      <ol className="diff-lines">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines are their places
          <li key={i} data-kind={line.kind}>
            {line.kind === 'added' ? (
              <ins>
                <span className="visually-hidden">{t.added}: </span>+ {line.text}
              </ins>
            ) : line.kind === 'removed' ? (
              <del>
                <span className="visually-hidden">{t.removed}: </span>− {line.text}
              </del>
            ) : (
              <span>
                {'\u2002 '}
                {line.text}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
};
