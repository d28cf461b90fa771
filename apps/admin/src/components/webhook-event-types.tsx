import { useId } from 'react';
import { eventTypeChoices } from '../api/webhook-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    every: 'Every event (*)',
    hint: 'A pattern ending in .* covers every type under it; new types of that module are covered as they come.',
    group: (module: string) => `Events of ${module}`,
  },
  ru: {
    every: 'Все события (*)',
    hint: 'Шаблон с .* на конце охватывает все типы под ним, в том числе новые типы этого модуля.',
    group: (module: string) => `События модуля ${module}`,
  },
});

interface Props {
  readonly legend: string;
  /** The deployment's event types. */
  readonly types: readonly string[];
  readonly value: readonly string[];
  readonly errors?: readonly string[];
  readonly onChange: (next: string[]) => void;
}

const Choice = ({ pattern, label, checked, onToggle }: { pattern: string; label?: string; checked: boolean; onToggle: () => void }) => {
  const id = useId();
  return (
    <div className="field check">
      <input id={id} type="checkbox" checked={checked} onChange={onToggle} />
      <label htmlFor={id}>{label ?? <code>{pattern}</code>}</label>
    </div>
  );
};

/** The module each pattern belongs to: its first segment. */
const moduleOf = (pattern: string): string => pattern.split('.')[0] ?? pattern;

/** Event types to subscribe to, as checkboxes: `*`, then per module its wildcards and exact types. */
export const EventTypePicker = ({ legend, types, value, errors, onChange }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const { wildcards, exact } = eventTypeChoices(types);
  const modules = [...new Set(exact.map(moduleOf))];
  const toggle = (pattern: string) => onChange(value.includes(pattern) ? value.filter((p) => p !== pattern) : [...value, pattern]);
  const invalid = errors && errors.length > 0;
  return (
    <fieldset className="event-types" aria-invalid={invalid || undefined} aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}>
      <legend>{legend}</legend>
      <small id={`${id}-hint`} className="hint">
        {t.hint}
      </small>
      {invalid ? (
        <small id={`${id}-error`} className="field-error" data-testid="field-error">
          {errors.join('; ')}
        </small>
      ) : null}
      <Choice pattern="*" label={t.every} checked={value.includes('*')} onToggle={() => toggle('*')} />
      {modules.map((module) => (
        <fieldset key={module} className="event-module">
          <legend>{t.group(module)}</legend>
          {[...wildcards.filter((w) => w !== '*'), ...exact]
            .filter((pattern) => moduleOf(pattern) === module)
            .map((pattern) => (
              <Choice key={pattern} pattern={pattern} checked={value.includes(pattern)} onToggle={() => toggle(pattern)} />
            ))}
        </fieldset>
      ))}
    </fieldset>
  );
};
