import { useFormat } from '../i18n/format.js';
import { ConfirmAction } from './confirm-action.js';

/** One numbered entry of a history (a post's revision, a script's version). */
export interface HistoryRow {
  readonly key: string;
  readonly number: number;
  /** The entry that is the current one (no restore button). */
  readonly current: boolean;
  /** The second column: what changed, the language… */
  readonly detail: string;
  readonly createdAt: string;
}

export interface HistoryLabels {
  readonly number: string;
  readonly detail: string;
  readonly when: string;
  readonly actions: string;
  readonly current: string;
  readonly compare: (n: number) => string;
  readonly restore: (n: number) => string;
  readonly question: (n: number) => string;
  readonly confirm: string;
}

interface Props {
  readonly rows: readonly HistoryRow[];
  readonly labels: HistoryLabels;
  readonly rowTestId: string;
  /** The key of the entry being compared, or null. */
  readonly compared: string | null;
  readonly onCompare: (key: string | null) => void;
  /** Restore buttons on every entry but the current one, each after a question; none when absent. */
  readonly restore?: { readonly pending: boolean; readonly onRestore: (row: HistoryRow) => void };
}

/** A history, newest first: each entry can be compared with the current one, or put back. */
export const HistoryTable = ({ rows, labels: t, rowTestId, compared, onCompare, restore }: Props) => {
  const { dateTime } = useFormat();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t.number}</th>
          <th scope="col">{t.detail}</th>
          <th scope="col">{t.when}</th>
          <th scope="col">
            <span className="visually-hidden">{t.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={rowTestId}>
            <td>
              {row.number}
              {row.current ? ` (${t.current})` : ''}
            </td>
            <td>{row.detail}</td>
            <td>{dateTime(row.createdAt)}</td>
            <td className="row">
              <button type="button" aria-pressed={compared === row.key} onClick={() => onCompare(compared === row.key ? null : row.key)}>
                {t.compare(row.number)}
              </button>
              {restore && !row.current ? (
                <ConfirmAction
                  label={t.restore(row.number)}
                  question={t.question(row.number)}
                  confirmLabel={t.confirm}
                  disabled={restore.pending}
                  onConfirm={() => restore.onRestore(row)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
