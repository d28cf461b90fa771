import { type ReactNode, useId } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

/** The form's own words; labels and descriptions come from the schema and stay as given. */
const messages = defineMessages({ en: { onePerLine: 'One per line' }, ru: { onePerLine: 'По одному на строку' } });

/** The part of JSON Schema the form understands (module settings now, tenant-defined fields later). */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

type Value = unknown;
type Change = (next: Value) => void;

/** `cartTtlHours` → "Cart ttl hours", unless the schema has a title. */
export const labelOf = (key: string, schema: JsonSchema): string =>
  schema.title ??
  key
    .replace(/([A-Z])/g, ' $1')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/** The value without the keys left empty (undefined, or objects that hold nothing), as the server expects optional fields. */
export const pruned = (value: Value): Value => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = pruned(v);
    if (p === undefined || (typeof p === 'object' && p !== null && !Array.isArray(p) && Object.keys(p).length === 0)) continue;
    out[k] = p;
  }
  return out;
};

const typeOf = (schema: JsonSchema): string =>
  Array.isArray(schema.type) ? (schema.type[0] ?? 'string') : ((schema.type as string) ?? 'string');

const Described = ({ id, schema, children }: { readonly id: string; readonly schema: JsonSchema; readonly children: ReactNode }) => (
  <div className="field">
    {children}
    {schema.description ? (
      <small id={`${id}-hint`} className="hint">
        {schema.description}
      </small>
    ) : null}
  </div>
);

const NumberField = ({ label, schema, value, onChange }: FieldProps) => {
  const id = useId();
  return (
    <Described id={id} schema={schema}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={typeOf(schema) === 'integer' ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    </Described>
  );
};

const TextField = ({ label, schema, value, onChange }: FieldProps) => {
  const id = useId();
  if (schema.enum) {
    return (
      <Described id={id} schema={schema}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">—</option>
          {schema.enum.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      </Described>
    );
  }
  return (
    <Described id={id} schema={schema}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={typeof value === 'string' ? value : ''}
        maxLength={schema.maxLength}
        pattern={schema.pattern}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    </Described>
  );
};

const BooleanField = ({ label, value, onChange }: FieldProps) => {
  const id = useId();
  return (
    <div className="field check">
      <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
};

/** A list of strings, one per line. */
const ListField = ({ label, schema, value, onChange }: FieldProps) => {
  const id = useId();
  const t = useMessages(messages);
  const lines = Array.isArray(value) ? value.join('\n') : '';
  return (
    <Described id={id} schema={{ ...schema, description: schema.description ?? t.onePerLine }}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        aria-describedby={`${id}-hint`}
        defaultValue={lines}
        onBlur={(e) => {
          const items = e.target.value
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          onChange(items.length > 0 ? items : undefined);
        }}
      />
    </Described>
  );
};

const ObjectField = ({ label, schema, value, onChange }: FieldProps) => {
  const current = (typeof value === 'object' && value !== null ? value : {}) as Record<string, Value>;
  return (
    <fieldset>
      <legend>{label}</legend>
      {Object.entries(schema.properties ?? {}).map(([key, child]) => (
        <SchemaField
          key={key}
          label={labelOf(key, child)}
          schema={child}
          value={current[key]}
          onChange={(v) => onChange({ ...current, [key]: v })}
        />
      ))}
    </fieldset>
  );
};

interface FieldProps {
  readonly label: string;
  readonly schema: JsonSchema;
  readonly value: Value;
  readonly onChange: Change;
}

/** One field for a schema: objects as groups of fields, booleans as checkboxes, numbers, texts and choices, lists of texts. */
export const SchemaField = (props: FieldProps) => {
  const type = typeOf(props.schema);
  if (type === 'object') return <ObjectField {...props} />;
  if (type === 'boolean') return <BooleanField {...props} />;
  if (type === 'integer' || type === 'number') return <NumberField {...props} />;
  if (type === 'array') return <ListField {...props} />;
  return <TextField {...props} />;
};
