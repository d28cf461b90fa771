import { type KeyboardEvent, useId, useState } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    add: 'Add',
    newLabel: (group: string) => `New entry of ${group}`,
    remove: (label: string) => `Remove ${label}`,
    none: 'None yet.',
  },
  ru: {
    add: 'Добавить',
    newLabel: (group: string) => `Новая запись: ${group}`,
    remove: (label: string) => `Убрать ${label}`,
    none: 'Пока нет.',
  },
});

interface Props {
  /** The list's name (its legend), e.g. "Categories". */
  readonly legend: string;
  readonly value: readonly string[];
  readonly onChange: (next: string[]) => void;
  readonly disabled?: boolean;
}

/** A list of labels (categories, tags): each with a remove button, a new one typed and added (Enter adds it too). */
export const LabelList = ({ legend, value, onChange, disabled }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const label = draft.trim();
    if (label && !value.includes(label)) onChange([...value, label]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      {value.length === 0 ? <p className="hint">{t.none}</p> : null}
      <ul className="labels">
        {value.map((label) => (
          <li key={label}>
            <span>{label}</span>
            {disabled ? null : (
              <button type="button" aria-label={t.remove(label)} onClick={() => onChange(value.filter((l) => l !== label))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {disabled ? null : (
        <div className="row">
          <label htmlFor={id}>{t.newLabel(legend)}</label>
          <input id={id} value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
          <button type="button" onClick={add}>
            {t.add}
          </button>
        </div>
      )}
    </fieldset>
  );
};
