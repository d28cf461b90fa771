import type { FieldDef, FieldType } from '../api/flex-shapes.js';

/** A field as the builder edits it: a stable id for React and focus, choices as typed (one per line). */
export interface DraftField extends Omit<FieldDef, 'fields' | 'choices'> {
  readonly uid: string;
  readonly choicesText?: string;
  readonly fields?: readonly DraftField[];
}

let next = 0;
const uid = (): string => `f${++next}`;

/** A new field: text, shown only in the admin. */
export const newDraftField = (): DraftField => ({ uid: uid(), key: '', label: '', type: 'text', access: 'admin' });

export const draftOf = (def: FieldDef): DraftField => {
  const { fields, choices, ...rest } = def;
  return {
    ...rest,
    uid: uid(),
    ...(choices ? { choicesText: choices.join('\n') } : {}),
    ...(fields ? { fields: fields.map(draftOf) } : {}),
  };
};

const NUMBERS: readonly FieldType[] = ['integer', 'decimal', 'money'];
const TEXTS: readonly FieldType[] = ['text', 'rich_text'];

/** The constraints a type takes (others are dropped when the type changes). */
const constraintsOf = (d: DraftField): Partial<FieldDef> => ({
  ...(NUMBERS.includes(d.type) ? { min: d.min, max: d.max } : {}),
  ...(TEXTS.includes(d.type) ? { minLength: d.minLength, maxLength: d.maxLength } : {}),
  ...(d.type === 'text' && d.pattern ? { pattern: d.pattern } : {}),
  ...(d.type === 'enum'
    ? {
        choices: (d.choicesText ?? '')
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
      }
    : {}),
  ...(d.type === 'reference' ? { to: d.to ?? 'flex_entry', ...(d.to === 'flex_entry' && d.schema ? { schema: d.schema } : {}) } : {}),
  ...(d.list ? { minItems: d.minItems, maxItems: d.maxItems } : {}),
});

const flags = (d: DraftField): Partial<FieldDef> => ({
  ...(d.list ? { list: true } : {}),
  ...(d.localized ? { localized: true } : {}),
  ...(d.required ? { required: true } : {}),
  ...(d.unique ? { unique: true } : {}),
  ...(d.filterable ? { filterable: true } : {}),
  ...(d.sortable ? { sortable: true } : {}),
  ...(d.searchable ? { searchable: true } : {}),
});

/** The definition the server takes: only what the type uses, nothing left empty. */
export const fieldOf = (d: DraftField): FieldDef => {
  const def: Record<string, unknown> = {
    key: d.key.trim(),
    ...(d.label?.trim() ? { label: d.label.trim() } : {}),
    ...(d.description?.trim() ? { description: d.description.trim() } : {}),
    type: d.type,
    ...flags(d),
    ...constraintsOf(d),
    access: d.access ?? 'admin',
    ...(d.type === 'object' ? { fields: (d.fields ?? []).map(fieldOf) } : {}),
  };
  return Object.fromEntries(Object.entries(def).filter(([, v]) => v !== undefined)) as unknown as FieldDef;
};

/** The list with item `i` moved by `by` places (kept within the list). */
export const moved = <T>(items: readonly T[], i: number, by: number): T[] => {
  const to = Math.max(0, Math.min(items.length - 1, i + by));
  const copy = [...items];
  const [item] = copy.splice(i, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
};

/** Field problems of a 422 answer at one path or below it. */
export interface PathError {
  readonly path: string;
  readonly message: string;
}

/** The messages of errors at `path` exactly or within it (`/fields/0/key` is within `/fields/0/key`). */
export const errorsAt = (errors: readonly PathError[], path: string): string[] =>
  errors.filter((e) => e.path === path || e.path.startsWith(`${path}/`)).map((e) => e.message);
