import { MAX_TRIGGERS, TRIGGER_KINDS, VALIDATE_WRITES } from '../api/scripting-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { Checkbox, LabelledInput, LabelledSelect } from './flex-inputs.js';
import { scriptNames } from './script-messages.js';
import { newTriggerRow, type TriggerRow } from './script-trigger-drafts.js';

const messages = defineMessages({
  en: {
    none: 'No triggers: the script runs only from this screen.',
    trigger: (n: number) => `Trigger ${n}`,
    kind: 'Runs',
    eventTypes: 'Event types',
    eventHint:
      'Comma-separated: an exact type (commerce.product.published), a module’s or entity’s (commerce.product.*) or every event (*).',
    cron: 'Cron expression',
    cronHint: 'Five fields, server time (*/15 * * * * is every quarter of an hour).',
    httpHint: 'Public: POST /api/v1/hooks/ followed by the script’s name; the body is the input, the answer the output.',
    manualHint: 'Run by hand from this screen or the API.',
    writes: 'Writes it checks',
    add: 'Add trigger',
    remove: (n: number) => `Remove trigger ${n}`,
  },
  ru: {
    none: 'Триггеров нет: скрипт запускается только с этой страницы.',
    trigger: (n: number) => `Триггер ${n}`,
    kind: 'Запуск',
    eventTypes: 'Типы событий',
    eventHint:
      'Через запятую: точный тип (commerce.product.published), все события модуля или сущности (commerce.product.*) или все события (*).',
    cron: 'Выражение cron',
    cronHint: 'Пять полей, время сервера (*/15 * * * * — каждые четверть часа).',
    httpHint: 'Публичный: POST /api/v1/hooks/ и имя скрипта; тело запроса — вход, ответ — результат.',
    manualHint: 'Запуск вручную с этой страницы или через API.',
    writes: 'Проверяемые записи',
    add: 'Добавить триггер',
    remove: (n: number) => `Удалить триггер ${n}`,
  },
});

interface RowProps {
  readonly row: TriggerRow;
  readonly n: number;
  readonly onChange: (next: TriggerRow) => void;
  readonly onRemove: () => void;
}

const Row = ({ row, n, onChange, onRemove }: RowProps) => {
  const t = useMessages(messages);
  const names = useMessages(scriptNames);
  const toggle = (write: string) =>
    onChange({ ...row, writes: row.writes.includes(write) ? row.writes.filter((w) => w !== write) : [...row.writes, write] });
  return (
    <fieldset className="trigger" data-testid="trigger">
      <legend>{t.trigger(n)}</legend>
      <LabelledSelect label={t.kind} value={row.kind} onChange={(e) => onChange({ ...row, kind: e.target.value as TriggerRow['kind'] })}>
        {TRIGGER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {names[`kind_${kind}` as const]}
          </option>
        ))}
      </LabelledSelect>
      {row.kind === 'event' ? (
        <LabelledInput
          label={t.eventTypes}
          hint={t.eventHint}
          value={row.eventTypes}
          onChange={(e) => onChange({ ...row, eventTypes: e.target.value })}
        />
      ) : null}
      {row.kind === 'cron' ? (
        <LabelledInput
          label={t.cron}
          hint={t.cronHint}
          maxLength={100}
          value={row.cron}
          onChange={(e) => onChange({ ...row, cron: e.target.value })}
        />
      ) : null}
      {row.kind === 'http' ? <p className="hint">{t.httpHint}</p> : null}
      {row.kind === 'manual' ? <p className="hint">{t.manualHint}</p> : null}
      {row.kind === 'validate' ? (
        <fieldset>
          <legend>{t.writes}</legend>
          {VALIDATE_WRITES.map((w) => (
            <Checkbox key={w} label={w} checked={row.writes.includes(w)} onChange={() => toggle(w)} />
          ))}
        </fieldset>
      ) : null}
      <button type="button" onClick={onRemove}>
        {t.remove(n)}
      </button>
    </fieldset>
  );
};

interface Props {
  readonly rows: readonly TriggerRow[];
  readonly onRows: (next: TriggerRow[]) => void;
}

/** The script's triggers, each of a kind with its own fields; saved as a whole with the script. */
export const ScriptTriggers = ({ rows, onRows }: Props) => {
  const t = useMessages(messages);
  const names = useMessages(scriptNames);
  return (
    <fieldset className="triggers">
      <legend>{names.triggers}</legend>
      {rows.length === 0 ? <p className="hint">{t.none}</p> : null}
      {rows.map((row, i) => (
        <Row
          key={row.key}
          row={row}
          n={i + 1}
          onChange={(next) => onRows(rows.map((r) => (r.key === row.key ? next : r)))}
          onRemove={() => onRows(rows.filter((r) => r.key !== row.key))}
        />
      ))}
      <p>
        <button type="button" disabled={rows.length >= MAX_TRIGGERS} onClick={() => onRows([...rows, newTriggerRow()])}>
          {t.add}
        </button>
      </p>
    </fieldset>
  );
};
