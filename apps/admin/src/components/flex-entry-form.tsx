import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createFlexEntry, type FlexEntryView, type FlexSchemaView, flexEntryQuery, updateFlexEntry } from '../api/flex.js';
import { ApiError } from '../api/problem.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { errorsAt } from './flex-drafts.js';
import { FieldValues } from './flex-field-values.js';
import { LabelledInput } from './flex-inputs.js';
import { pruned } from './flex-values.js';

const messages = defineMessages({
  en: {
    slug: 'Slug (optional)',
    values: 'Values',
    create: 'Create entry',
    save: 'Save entry',
    saved: 'Entry saved.',
  },
  ru: {
    slug: 'Адрес (slug, необязательно)',
    values: 'Значения',
    create: 'Создать запись',
    save: 'Сохранить запись',
    saved: 'Запись сохранена.',
  },
});

interface Props {
  readonly schema: FlexSchemaView;
  /** The entry as it is (editing); none for a new one. */
  readonly entry?: FlexEntryView;
  readonly onSaved: (entry: FlexEntryView) => void;
}

/**
 * An entry's form, built at run time from its schema's fields (a new field needs no new admin):
 * an input per field by its type, a row per list item, an input per tenant locale, a group per object.
 */
export const EntryForm = ({ schema, entry, onSaved }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const locales = useQuery(tenantLocalesQuery).data?.supportedLocales ?? [];
  const [slug, setSlug] = useState(entry?.slug ?? '');
  const [values, setValues] = useState<Record<string, unknown>>(() => ({ ...(entry?.values ?? {}) }));
  const save = useMutation({
    mutationFn: () => {
      const draft = { slug: slug.trim() || null, values: (pruned(values) ?? {}) as Record<string, unknown> };
      return entry ? updateFlexEntry(entry.id, draft) : createFlexEntry(schema.slug, draft);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(flexEntryQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['flex', 'entries', schema.slug] });
      onSaved(saved);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack flex-entry" onSubmit={submit} noValidate>
      <LabelledInput
        label={t.slug}
        value={slug}
        maxLength={200}
        errors={errorsAt(errors, '/slug')}
        onChange={(e) => setSlug(e.target.value)}
      />
      <section className="stack" aria-label={t.values}>
        <FieldValues
          fields={schema.fields}
          values={values}
          locales={locales}
          problems={errors}
          onChange={(key, next) => setValues((all) => ({ ...all, [key]: next }))}
        />
      </section>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess && !save.isPending ? <p role="status">{t.saved}</p> : null}
      <button type="submit" disabled={save.isPending}>
        {entry ? t.save : t.create}
      </button>
    </form>
  );
};
