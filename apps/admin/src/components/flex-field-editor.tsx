import type { ReactNode } from 'react';
import { FIELD_TYPES, type FieldType } from '../api/flex-shapes.js';
import { useMessages } from '../i18n/messages.js';
import { type DraftField, errorsAt, type PathError } from './flex-drafts.js';
import { FieldConstraints } from './flex-field-constraints.js';
import { Checkbox, LabelledInput, LabelledSelect } from './flex-inputs.js';
import { builderMessages, flexNames } from './flex-messages.js';

interface Props {
  readonly draft: DraftField;
  /** Its place, from 1, and how many fields the list has. */
  readonly n: number;
  readonly count: number;
  /** Where the server's problems of it are (`/fields/0`, `/fields/2/fields/1`). */
  readonly path: string;
  readonly errors: readonly PathError[];
  readonly onChange: (next: DraftField) => void;
  readonly onMove: (by: number) => void;
  readonly onRemove: () => void;
  /** The nested field list of a group (type object). */
  readonly nested?: ReactNode;
}

const FLAGS = ['list', 'localized', 'required', 'unique', 'filterable', 'sortable', 'searchable'] as const;
const SHOWN = new Set([
  'key',
  'label',
  'type',
  'access',
  'fields',
  'min',
  'max',
  'minLength',
  'maxLength',
  'pattern',
  'choices',
  'to',
  'schema',
  'minItems',
  'maxItems',
  ...FLAGS,
]);

/** Problems of the field itself or of a property without its own input. */
const rowErrors = (errors: readonly PathError[], path: string): string[] =>
  errors
    .filter((e) => e.path === path || (e.path.startsWith(`${path}/`) && !SHOWN.has(e.path.slice(path.length + 1).split('/')[0] ?? '')))
    .map((e) => e.message);

/** One field of the builder: key, label, type, flags, access and the type's constraints; moved and removed by buttons. */
export const FieldEditor = ({ draft, n, count, path, errors, onChange, onMove, onRemove, nested }: Props) => {
  const t = useMessages(builderMessages);
  const names = useMessages(flexNames);
  const change = (patch: Partial<DraftField>) => onChange({ ...draft, ...patch });
  const own = rowErrors(errors, path);
  return (
    <fieldset className="flex-field" data-testid="flex-field">
      <legend>{t.field(n, draft.key)}</legend>
      {own.length > 0 ? (
        <p className="field-error" data-testid="field-error">
          {own.join('; ')}
        </p>
      ) : null}
      <div className="row">
        <LabelledInput
          label={t.key}
          value={draft.key}
          required
          errors={errorsAt(errors, `${path}/key`)}
          onChange={(e) => change({ key: e.target.value })}
        />
        <LabelledInput
          label={t.label}
          value={draft.label ?? ''}
          errors={errorsAt(errors, `${path}/label`)}
          onChange={(e) => change({ label: e.target.value })}
        />
        <LabelledSelect
          label={t.type}
          value={draft.type}
          errors={errorsAt(errors, `${path}/type`)}
          onChange={(e) => change({ type: e.target.value as FieldType })}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {names[type]}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          label={t.access}
          value={draft.access ?? 'admin'}
          errors={errorsAt(errors, `${path}/access`)}
          onChange={(e) => change({ access: e.target.value === 'public' ? 'public' : 'admin' })}
        >
          <option value="admin">{t.admin}</option>
          <option value="public">{t.public}</option>
        </LabelledSelect>
      </div>
      <div className="row">
        {FLAGS.map((flag) => (
          <Checkbox
            key={flag}
            label={t[flag]}
            checked={draft[flag] ?? false}
            errors={errorsAt(errors, `${path}/${flag}`)}
            onChange={(e) => change({ [flag]: e.target.checked })}
          />
        ))}
      </div>
      <FieldConstraints draft={draft} path={path} errors={errors} change={change} />
      {nested}
      <div className="row">
        <button type="button" aria-label={t.moveUp(n)} disabled={n === 1} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={t.moveDown(n)} disabled={n === count} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" onClick={onRemove}>
          {t.remove(n)}
        </button>
      </div>
    </fieldset>
  );
};
