import type { FieldDef } from '../api/flex-shapes.js';
import { defineMessages } from '../i18n/messages.js';

export const valueMessages = defineMessages({
  en: {
    addItem: (label: string) => `Add to ${label}`,
    removeItem: (label: string) => `Remove ${label}`,
    item: (label: string, n: number) => `${label} ${n}`,
    inLocale: (label: string, locale: string) => `${label} (${locale})`,
    amount: (label: string) => `${label}: amount in minor units`,
    currency: (label: string) => `${label}: currency code`,
    notJson: 'This is not valid JSON; the last valid value is kept.',
    none: '—',
  },
  ru: {
    addItem: (label: string) => `Добавить: ${label}`,
    removeItem: (label: string) => `Удалить: ${label}`,
    item: (label: string, n: number) => `${label} ${n}`,
    inLocale: (label: string, locale: string) => `${label} (${locale})`,
    amount: (label: string) => `${label}: сумма в копейках/центах`,
    currency: (label: string) => `${label}: код валюты`,
    notJson: 'Это не JSON; сохранится последнее верное значение.',
    none: '—',
  },
});

/** A field's name in the form: its label, else its key. */
export const labelOf = (field: FieldDef): string => field.label ?? field.key;

const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * The values as the server takes them: nothing left empty (an empty input is "not given", so a
 * required field is refused by the server at its path rather than sent as "").
 */
export const pruned = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(pruned).filter((v) => !empty(v));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, pruned(v)] as const)
      .filter(([, v]) => !empty(v));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
};

/** An ISO date-time as a datetime-local input shows it (in the browser's time zone), and back. */
export const localOf = (iso: unknown): string => {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};
export const isoOf = (local: string): string | undefined => (local === '' ? undefined : new Date(local).toISOString());
