import { useMessages } from '../i18n/messages.js';
import { type DraftField, moved, newDraftField, type PathError } from './flex-drafts.js';
import { FieldEditor } from './flex-field-editor.js';
import { builderMessages } from './flex-messages.js';

interface Props {
  readonly fields: readonly DraftField[];
  readonly onChange: (next: DraftField[]) => void;
  /** Where the list is in the request (`/fields`, `/fields/3/fields`). */
  readonly path: string;
  readonly errors: readonly PathError[];
  readonly heading: string;
}

/** A schema's fields in order (a group's own fields nested in it): added, removed, moved up and down. */
export const FieldList = ({ fields, onChange, path, errors, heading }: Props) => {
  const t = useMessages(builderMessages);
  const replace = (i: number, next: DraftField) => onChange(fields.map((f, j) => (j === i ? next : f)));
  return (
    <section className="flex-fields" aria-label={heading}>
      <h3>{heading}</h3>
      {fields.length === 0 ? <p>{t.noFields}</p> : null}
      {errors
        .filter((e) => e.path === path)
        .map((e) => (
          <p key={e.message} className="field-error" data-testid="field-error">
            {e.message}
          </p>
        ))}
      {fields.map((draft, i) => (
        <FieldEditor
          key={draft.uid}
          draft={draft}
          n={i + 1}
          count={fields.length}
          path={`${path}/${i}`}
          errors={errors}
          onChange={(next) => replace(i, next)}
          onMove={(by) => onChange(moved(fields, i, by))}
          onRemove={() => onChange(fields.filter((_, j) => j !== i))}
          nested={
            draft.type === 'object' ? (
              <FieldList
                fields={draft.fields ?? []}
                onChange={(nested) => replace(i, { ...draft, fields: nested })}
                path={`${path}/${i}/fields`}
                errors={errors}
                heading={t.nested}
              />
            ) : null
          }
        />
      ))}
      <button type="button" onClick={() => onChange([...fields, newDraftField()])}>
        {t.addField}
      </button>
    </section>
  );
};
