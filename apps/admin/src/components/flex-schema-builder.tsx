import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  createFlexSchema,
  type FlexSchemaView,
  flexSchemaQuery,
  flexSchemasQuery,
  SCHEMA_TARGETS,
  type SchemaDraft,
  type SchemaTarget,
  updateFlexSchema,
} from '../api/flex.js';
import { ApiError } from '../api/problem.js';
import { useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { type DraftField, draftOf, errorsAt, fieldOf } from './flex-drafts.js';
import { FieldList } from './flex-field-list.js';
import { LabelledInput, LabelledSelect } from './flex-inputs.js';
import { builderMessages, flexNames } from './flex-messages.js';

interface Props {
  /** The schema as it is (editing); none for a new one. */
  readonly schema?: FlexSchemaView;
  readonly onSaved: (schema: FlexSchemaView) => void;
}

/**
 * The schema builder: name, slug and target, and the fields in order. Saving creates or updates the
 * schema over GraphQL; the server's 422 problems are shown at the fields they name.
 */
export const SchemaBuilder = ({ schema, onSaved }: Props) => {
  const t = useMessages(builderMessages);
  const names = useMessages(flexNames);
  const queryClient = useQueryClient();
  const [name, setName] = useState(schema?.name ?? '');
  const [slug, setSlug] = useState(schema?.slug ?? '');
  const [target, setTarget] = useState<SchemaTarget>((schema?.target as SchemaTarget | undefined) ?? 'entry');
  const [fields, setFields] = useState<DraftField[]>(() => (schema?.fields ?? []).map(draftOf));
  const save = useMutation({
    mutationFn: (draft: SchemaDraft) => (schema ? updateFlexSchema(draft) : createFlexSchema(draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(flexSchemaQuery(saved.slug).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: flexSchemasQuery.queryKey });
      onSaved(saved);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fields : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ slug: slug.trim(), name: name.trim(), target, fields: fields.map(fieldOf) });
  };
  return (
    <form className="stack flex-builder" onSubmit={submit} noValidate>
      <LabelledInput
        label={t.name}
        value={name}
        required
        maxLength={200}
        errors={errorsAt(errors, '/name')}
        onChange={(e) => setName(e.target.value)}
      />
      <LabelledInput
        label={t.slug}
        value={slug}
        required
        disabled={schema !== undefined}
        errors={errorsAt(errors, '/slug')}
        hint={t.slugHint}
        onChange={(e) => setSlug(e.target.value)}
      />
      <LabelledSelect
        label={t.target}
        value={target}
        disabled={schema !== undefined}
        errors={errorsAt(errors, '/target')}
        onChange={(e) => setTarget(e.target.value as SchemaTarget)}
      >
        {SCHEMA_TARGETS.map((to) => (
          <option key={to} value={to}>
            {names[to]}
          </option>
        ))}
      </LabelledSelect>
      <FieldList fields={fields} onChange={setFields} path="/fields" errors={errors} heading={t.fields} />
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess && !save.isPending ? <p role="status">{t.saved}</p> : null}
      <button type="submit" disabled={save.isPending}>
        {t.save}
      </button>
    </form>
  );
};
