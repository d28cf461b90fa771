import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type FlexSchemaView, flexAttachedQuery, flexSchemasQuery, setFlexAttached } from '../api/flex.js';
import { modulesQuery } from '../api/modules.js';
import { ApiError } from '../api/problem.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { FieldValues } from './flex-field-values.js';
import { pruned } from './flex-values.js';

const messages = defineMessages({
  en: { title: 'Custom fields', save: (name: string) => `Save ${name}`, saved: (name: string) => `${name} saved.` },
  ru: { title: 'Свои поля', save: (name: string) => `Сохранить: ${name}`, saved: (name: string) => `${name}: сохранено.` },
});

interface Target {
  /** `product` or `content_node` (with the node's kind). */
  readonly target: string;
  readonly kind?: string;
  readonly entityId: string;
}

/** One attached schema's values of the entity, in a form built from the schema's fields. */
const AttachedForm = ({
  schema,
  initial,
  target,
  canWrite,
}: {
  readonly schema: FlexSchemaView;
  readonly initial: Readonly<Record<string, unknown>>;
  readonly target: Target;
  readonly canWrite: boolean;
}) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const locales = useQuery(tenantLocalesQuery).data?.supportedLocales ?? [];
  const [values, setValues] = useState<Record<string, unknown>>(() => ({ ...initial }));
  const save = useMutation({
    mutationFn: () =>
      setFlexAttached({
        target: target.target,
        entityId: target.entityId,
        schema: schema.slug,
        values: (pruned(values) ?? {}) as Record<string, unknown>,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flexAttachedQuery(target.target, target.entityId).queryKey }),
  });
  const errors = save.error instanceof ApiError ? save.error.fields : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack flex-entry" aria-label={schema.name} onSubmit={submit} noValidate>
      <h3>{schema.name}</h3>
      <fieldset className="stack" disabled={!canWrite}>
        <FieldValues
          fields={schema.fields}
          values={values}
          locales={locales}
          problems={errors}
          onChange={(key, next) => setValues((all) => ({ ...all, [key]: next }))}
        />
      </fieldset>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess && !save.isPending ? <p role="status">{t.saved(schema.name)}</p> : null}
      {canWrite ? (
        <button type="submit" disabled={save.isPending}>
          {t.save(schema.name)}
        </button>
      ) : null}
    </form>
  );
};

const attachesTo = (schema: FlexSchemaView, { target, kind }: Target): boolean =>
  schema.target === target && (target !== 'content_node' || schema.targetKind === null || schema.targetKind === kind);

/**
 * The custom fields of one product or content node: every flex schema attached to its kind of entity,
 * each a form built at run time from the schema's fields (a new field shows without an admin rebuild).
 * Nothing while flex is off for the tenant or no schema attaches here.
 */
export const AttachedFieldsets = ({ canWrite, ...target }: Target & { readonly canWrite: boolean }) => {
  const t = useMessages(messages);
  const on = (useQuery(modulesQuery).data ?? []).some((m) => m.slug === 'flex' && m.enabled);
  const schemas = (useQuery({ ...flexSchemasQuery, enabled: on }).data ?? []).filter((s) => attachesTo(s, target));
  const attached = useQuery({ ...flexAttachedQuery(target.target, target.entityId), enabled: on && schemas.length > 0 });
  if (!on || schemas.length === 0 || !attached.data) return null;
  const values = attached.data;
  return (
    <section className="stack" aria-labelledby="custom-fields">
      <h2 id="custom-fields">{t.title}</h2>
      {schemas.map((schema) => (
        <AttachedForm
          key={`${schema.slug}:${schema.version}`}
          schema={schema}
          initial={values[schema.slug] ?? {}}
          target={target}
          canWrite={canWrite}
        />
      ))}
    </section>
  );
};
