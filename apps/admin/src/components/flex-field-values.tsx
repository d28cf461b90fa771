import type { FieldDef } from '../api/flex-shapes.js';
import { errorsAt, type PathError } from './flex-drafts.js';
import { FieldValue } from './flex-value-input.js';

interface Props {
  readonly fields: readonly FieldDef[];
  readonly values: Readonly<Record<string, unknown>>;
  /** The tenant's locales (a localized field has an input per locale). */
  readonly locales: readonly string[];
  /** The server's 422 problems; each field shows those at `/values/<key>`. */
  readonly problems: readonly PathError[];
  readonly onChange: (key: string, next: unknown) => void;
}

/** An input per field of a schema (an entry's or an attached fieldset's values), built at run time from the fields. */
export const FieldValues = ({ fields, values, locales, problems, onChange }: Props) =>
  fields.map((field) => (
    <FieldValue
      key={field.key}
      field={field}
      value={values[field.key]}
      locales={locales}
      errors={errorsAt(problems, `/values/${field.key}`)}
      onChange={(next) => onChange(field.key, next)}
    />
  ));
