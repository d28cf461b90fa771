import { REFERENCE_TARGETS, type ReferenceTarget } from '../api/flex-shapes.js';
import { useMessages } from '../i18n/messages.js';
import { type DraftField, errorsAt, type PathError } from './flex-drafts.js';
import { LabelledInput, LabelledSelect, LabelledTextarea } from './flex-inputs.js';
import { builderMessages, flexNames } from './flex-messages.js';

interface Props {
  readonly draft: DraftField;
  readonly path: string;
  readonly errors: readonly PathError[];
  readonly change: (patch: Partial<DraftField>) => void;
}

const numberOf = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

type NumberKey = 'min' | 'max' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems';

/** The constraints the field's type takes: bounds, lengths and pattern, choices, a reference's target, list sizes. */
export const FieldConstraints = ({ draft, path, errors, change }: Props) => {
  const t = useMessages(builderMessages);
  const names = useMessages(flexNames);
  const num = (key: NumberKey) => (
    <LabelledInput
      label={t[key]}
      type="number"
      value={draft[key] ?? ''}
      errors={errorsAt(errors, `${path}/${key}`)}
      onChange={(e) => change({ [key]: numberOf(e.target.value) })}
    />
  );
  const numeric = draft.type === 'integer' || draft.type === 'decimal' || draft.type === 'money';
  const textual = draft.type === 'text' || draft.type === 'rich_text';
  return (
    <div className="constraints">
      {numeric ? (
        <>
          {num('min')}
          {num('max')}
        </>
      ) : null}
      {textual ? (
        <>
          {num('minLength')}
          {num('maxLength')}
        </>
      ) : null}
      {draft.type === 'text' ? (
        <LabelledInput
          label={t.pattern}
          value={draft.pattern ?? ''}
          errors={errorsAt(errors, `${path}/pattern`)}
          onChange={(e) => change({ pattern: e.target.value || undefined })}
        />
      ) : null}
      {draft.type === 'enum' ? (
        <LabelledTextarea
          label={t.choices}
          rows={4}
          value={draft.choicesText ?? ''}
          errors={errorsAt(errors, `${path}/choices`)}
          onChange={(e) => change({ choicesText: e.target.value })}
        />
      ) : null}
      {draft.type === 'reference' ? (
        <>
          <LabelledSelect
            label={t.to}
            value={draft.to ?? 'flex_entry'}
            errors={errorsAt(errors, `${path}/to`)}
            onChange={(e) => change({ to: e.target.value as ReferenceTarget })}
          >
            {REFERENCE_TARGETS.map((to) => (
              <option key={to} value={to}>
                {names[to]}
              </option>
            ))}
          </LabelledSelect>
          {(draft.to ?? 'flex_entry') === 'flex_entry' ? (
            <LabelledInput
              label={t.refSchema}
              value={draft.schema ?? ''}
              errors={errorsAt(errors, `${path}/schema`)}
              onChange={(e) => change({ schema: e.target.value || undefined })}
            />
          ) : null}
        </>
      ) : null}
      {draft.list ? (
        <>
          {num('minItems')}
          {num('maxItems')}
        </>
      ) : null}
    </div>
  );
};
