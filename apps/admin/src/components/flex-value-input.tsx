import { useState } from 'react';
import type { FieldDef } from '../api/flex-shapes.js';
import { useMessages } from '../i18n/messages.js';
import { Checkbox, LabelledInput, LabelledSelect, LabelledTextarea } from './flex-inputs.js';
import { isoOf, labelOf, localOf, valueMessages } from './flex-values.js';

interface One {
  readonly field: FieldDef;
  readonly value: unknown;
  readonly onChange: (next: unknown) => void;
  readonly label: string;
  readonly errors?: readonly string[];
  readonly locales?: readonly string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const orNone = (v: string): string | undefined => (v === '' ? undefined : v);

/** JSON typed as text: a value is taken only when it parses. */
const JsonInput = ({ value, onChange, label, errors }: One) => {
  const t = useMessages(valueMessages);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState(false);
  const change = (next: string) => {
    setText(next);
    try {
      onChange(next.trim() === '' ? undefined : JSON.parse(next));
      setBad(false);
    } catch {
      setBad(true);
    }
  };
  return (
    <LabelledTextarea
      label={label}
      rows={4}
      value={text}
      errors={bad ? [t.notJson, ...(errors ?? [])] : errors}
      onChange={(e) => change(e.target.value)}
    />
  );
};

const MoneyInput = ({ value, onChange, label, errors }: One) => {
  const t = useMessages(valueMessages);
  const money = (value ?? {}) as { amount?: number; currencyCode?: string };
  return (
    <div className="row">
      <LabelledInput
        label={t.amount(label)}
        type="number"
        step={1}
        value={money.amount ?? ''}
        errors={errors}
        onChange={(e) => onChange({ ...money, amount: e.target.value === '' ? undefined : Number(e.target.value) })}
      />
      <LabelledInput
        label={t.currency(label)}
        value={money.currencyCode ?? ''}
        maxLength={3}
        onChange={(e) => onChange({ ...money, currencyCode: orNone(e.target.value.toUpperCase()) })}
      />
    </div>
  );
};

/** One value of the field's type (a list's item or a locale's value): the input that type takes. */
export const SingleValue = (props: One) => {
  const t = useMessages(valueMessages);
  const { field, value, onChange, label, errors } = props;
  const text = (type: string) => (
    <LabelledInput label={label} type={type} value={str(value)} errors={errors} onChange={(e) => onChange(orNone(e.target.value))} />
  );
  switch (field.type) {
    case 'rich_text':
      return (
        <LabelledTextarea label={label} rows={6} value={str(value)} errors={errors} onChange={(e) => onChange(orNone(e.target.value))} />
      );
    case 'integer':
      return (
        <LabelledInput
          label={label}
          type="number"
          step={1}
          value={str(value)}
          errors={errors}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'decimal':
      return (
        <LabelledInput
          label={label}
          type="number"
          step="any"
          value={str(value)}
          errors={errors}
          onChange={(e) => onChange(orNone(e.target.value))}
        />
      );
    case 'money':
      return <MoneyInput {...props} />;
    case 'boolean':
      return <Checkbox label={label} checked={value === true} errors={errors} onChange={(e) => onChange(e.target.checked)} />;
    case 'date':
      return text('date');
    case 'datetime':
      return (
        <LabelledInput
          label={label}
          type="datetime-local"
          value={localOf(value)}
          errors={errors}
          onChange={(e) => onChange(isoOf(e.target.value))}
        />
      );
    case 'enum':
      return (
        <LabelledSelect label={label} value={str(value)} errors={errors} onChange={(e) => onChange(orNone(e.target.value))}>
          <option value="">{t.none}</option>
          {(field.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </LabelledSelect>
      );
    case 'file':
      return text('url');
    case 'json':
      return <JsonInput {...props} />;
    case 'object':
      return (
        <fieldset className="flex-object">
          <legend>{label}</legend>
          {(field.fields ?? []).map((sub) => {
            const obj = (value ?? {}) as Record<string, unknown>;
            return (
              <FieldValue
                key={sub.key}
                field={sub}
                value={obj[sub.key]}
                locales={props.locales ?? []}
                onChange={(v) => onChange({ ...obj, [sub.key]: v })}
              />
            );
          })}
        </fieldset>
      );
    default:
      return text('text');
  }
};

/** A list: one row per item, added and removed by buttons. */
const ListValue = ({ field, value, onChange, label, errors, locales }: One) => {
  const t = useMessages(valueMessages);
  const items = Array.isArray(value) ? value : [];
  return (
    <fieldset className="flex-list">
      <legend>{label}</legend>
      {errors && errors.length > 0 ? <p className="field-error">{errors.join('; ')}</p> : null}
      {items.map((item, i) => {
        const name = t.item(label, i + 1);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a list's rows have no identity of their own
          <div className="row" key={i}>
            <SingleValue
              field={field}
              label={name}
              locales={locales}
              value={item}
              onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
            />
            <button type="button" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t.removeItem(name)}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...items, undefined])}>
        {t.addItem(label)}
      </button>
    </fieldset>
  );
};

const OneOrList = (props: One) => (props.field.list ? <ListValue {...props} /> : <SingleValue {...props} />);

interface FieldProps {
  readonly field: FieldDef;
  readonly value: unknown;
  readonly onChange: (next: unknown) => void;
  /** The tenant's locales (a localized field has an input per locale). */
  readonly locales: readonly string[];
  readonly errors?: readonly string[];
}

/** A field's value as its definition says: localized (per locale), a list, a group, or one value. */
export const FieldValue = ({ field, value, onChange, locales, errors }: FieldProps) => {
  const t = useMessages(valueMessages);
  const label = labelOf(field);
  if (!field.localized)
    return <OneOrList field={field} value={value} onChange={onChange} label={label} errors={errors} locales={locales} />;
  const byLocale = (value ?? {}) as Record<string, unknown>;
  return (
    <fieldset className="flex-localized">
      <legend>{label}</legend>
      {errors && errors.length > 0 ? <p className="field-error">{errors.join('; ')}</p> : null}
      {(locales.length > 0 ? locales : ['en']).map((locale) => (
        <OneOrList
          key={locale}
          field={field}
          label={t.inLocale(label, locale)}
          locales={locales}
          value={byLocale[locale]}
          onChange={(v) => onChange({ ...byLocale, [locale]: v })}
        />
      ))}
    </fieldset>
  );
};
