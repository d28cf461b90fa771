import { defineMessages, useMessages } from '../i18n/messages.js';
import { LabelledInput } from './flex-inputs.js';
import { CheckField } from './shop-form.js';

const messages = defineMessages({
  en: {
    header: (n: number) => `Header ${n}`,
    name: 'Name',
    value: 'Value',
    add: 'Add header',
    remove: (n: number) => `Remove header ${n}`,
    saved: (names: string) => `Saved headers: ${names}. Their values are not shown again.`,
    noneSaved: 'No custom headers saved.',
    replace: 'Replace the saved headers with the rows below',
  },
  ru: {
    header: (n: number) => `Заголовок ${n}`,
    name: 'Имя',
    value: 'Значение',
    add: 'Добавить заголовок',
    remove: (n: number) => `Убрать заголовок ${n}`,
    saved: (names: string) => `Сохранённые заголовки: ${names}. Их значения больше не показываются.`,
    noneSaved: 'Своих заголовков нет.',
    replace: 'Заменить сохранённые заголовки строками ниже',
  },
});

export interface HeaderRow {
  readonly name: string;
  readonly value: string;
}

/** The rows as the server takes them (name → value); rows without a name are left out. */
export const headersFromRows = (rows: readonly HeaderRow[]): Record<string, string> =>
  Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));

interface Props {
  readonly rows: readonly HeaderRow[];
  readonly onChange: (rows: HeaderRow[]) => void;
}

/** Custom headers sent with every request: a name and value per row, rows added and removed. */
export const HeaderRows = ({ rows, onChange }: Props) => {
  const t = useMessages(messages);
  const set = (n: number, next: Partial<HeaderRow>) => onChange(rows.map((row, i) => (i === n ? { ...row, ...next } : row)));
  return (
    <>
      {rows.map((row, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <fieldset key={n} className="row header-row">
          <legend>{t.header(n + 1)}</legend>
          <LabelledInput label={t.name} value={row.name} maxLength={100} onChange={(e) => set(n, { name: e.target.value })} />
          <LabelledInput label={t.value} value={row.value} maxLength={1000} onChange={(e) => set(n, { value: e.target.value })} />
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== n))}>
            {t.remove(n + 1)}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          {t.add}
        </button>
      </p>
    </>
  );
};

interface FieldsetProps {
  readonly legend: string;
  /** The names saved on the endpoint (editing); none for a new endpoint, whose rows are always sent. */
  readonly savedNames?: readonly string[];
  readonly replace: boolean;
  readonly onReplace: (replace: boolean) => void;
  readonly rows: readonly HeaderRow[];
  readonly onRows: (rows: HeaderRow[]) => void;
  readonly problems?: readonly string[];
}

/** The custom headers of a form: what is saved (names only), whether to replace it, the rows, and the server's refusal. */
export const HeadersFieldset = ({ legend, savedNames, replace, onReplace, rows, onRows, problems }: FieldsetProps) => {
  const t = useMessages(messages);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {savedNames ? <p className="hint">{savedNames.length > 0 ? t.saved(savedNames.join(', ')) : t.noneSaved}</p> : null}
      {savedNames ? (
        <CheckField label={t.replace} name="replaceHeaders" checked={replace} onChange={(e) => onReplace(e.target.checked)} />
      ) : null}
      {replace ? <HeaderRows rows={rows} onChange={onRows} /> : null}
      {problems ? (
        <small className="field-error" data-testid="field-error" role="alert">
          {problems.join('; ')}
        </small>
      ) : null}
    </fieldset>
  );
};
