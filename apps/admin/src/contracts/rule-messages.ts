import { useCallback } from 'react';
import { useLocale } from '../i18n/context.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import type { Describe, SchemaError } from './validate.js';

const messages = defineMessages({
  en: {
    title: 'Some fields need another value',
    required: 'is required',
    additionalProperties: 'is not accepted here',
    minLength: (n: number) => `must have at least ${n} characters`,
    maxLength: (n: number) => `must have at most ${n} characters`,
    minimum: (n: number) => `must be at least ${n}`,
    maximum: (n: number) => `must be at most ${n}`,
    minItems: (n: number) => `needs at least ${n} entries`,
    maxItems: (n: number) => `takes at most ${n} entries`,
    pattern: 'has the wrong form',
    format: (f: string) => `must be a valid ${f}`,
    type: (t: string) => `must be a ${t}`,
    enum: 'must be one of the offered values',
    other: 'is not valid',
  },
  ru: {
    title: 'Некоторые поля нужно исправить',
    required: 'обязательно',
    additionalProperties: 'здесь не принимается',
    minLength: (n: number) => `не короче ${n} символов`,
    maxLength: (n: number) => `не длиннее ${n} символов`,
    minimum: (n: number) => `не меньше ${n}`,
    maximum: (n: number) => `не больше ${n}`,
    minItems: (n: number) => `нужно не меньше ${n} значений`,
    maxItems: (n: number) => `можно не больше ${n} значений`,
    pattern: 'неверный формат',
    format: (f: string) => `должно быть допустимым значением формата ${f}`,
    type: (t: string) => `должно иметь тип ${t}`,
    enum: 'должно быть одним из предложенных значений',
    other: 'недопустимое значение',
  },
});

type Catalogue = (typeof messages)['en'];

const LIMITS = {
  minLength: 'limit',
  maxLength: 'limit',
  minimum: 'limit',
  maximum: 'limit',
  minItems: 'limit',
  maxItems: 'limit',
} as const;

/** A failed rule in words, from the catalogue of the UI's language. */
export const describeWith =
  (t: Catalogue): Describe =>
  (e: SchemaError) => {
    if (e.keyword in LIMITS) return t[e.keyword as keyof typeof LIMITS](Number(e.params.limit));
    if (e.keyword === 'format') return t.format(String(e.params.format));
    if (e.keyword === 'type') return t.type(String(e.params.type));
    if (e.keyword === 'required' || e.keyword === 'additionalProperties' || e.keyword === 'pattern' || e.keyword === 'enum')
      return t[e.keyword];
    return t.other;
  };

/** The describer and the problem's title for the UI's language. */
export const useRuleMessages = (): { readonly describe: Describe; readonly title: string; readonly locale: string } => {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const describe = useCallback<Describe>((e) => describeWith(t)(e), [t]);
  return { describe, title: t.title, locale };
};

export { messages as ruleMessages };
