import { type FormEvent, useId, useState } from 'react';
import {
  readSchemas,
  type SchemaProblems,
  type SchemaTexts,
  type ScriptDraft,
  type ScriptLanguage,
  type ScriptView,
  schemaTextsOf,
} from '../api/scripting-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { Checkbox, LabelledInput, LabelledSelect } from './flex-inputs.js';
import { ScriptEditor } from './script-editor.js';
import { LANGUAGE_NAMES, scriptNames } from './script-messages.js';
import { ScriptSchemas } from './script-schemas.js';
import { type TriggerRow, triggerRowsOf, triggersOfRows } from './script-trigger-drafts.js';
import { ScriptTriggers } from './script-triggers.js';

const messages = defineMessages({
  en: {
    nameHint: 'Lower-case letters, digits, - and _ (it names the HTTP endpoint; it cannot change later).',
    sourceHint: 'The body of an async function of ctx: return gives the output. Type ctx. for the host API.',
    enabledNew: 'Enabled (its triggers run it)',
  },
  ru: {
    nameHint: 'Строчные латинские буквы, цифры, - и _ (это имя HTTP-адреса; позже его не изменить).',
    sourceHint: 'Тело асинхронной функции от ctx: return задаёт результат. Наберите ctx., чтобы увидеть API платформы.',
    enabledNew: 'Включён (триггеры его запускают)',
  },
});

/** Starting text of a new script. */
const NEW_SOURCE = 'return { ok: true };\n';

export interface ScriptCode {
  readonly source: string;
  readonly language: ScriptLanguage;
}

interface Props {
  /** The script as it is (editing); none for a new one. */
  readonly script?: ScriptView;
  readonly submitLabel: string;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onSubmit: (draft: ScriptDraft) => void;
  /** The code as edited, on every change (a dry run can run it unsaved). */
  readonly onCode?: (code: ScriptCode) => void;
}

const useDraft = (script: ScriptView | undefined) => {
  const [name, setName] = useState(script?.name ?? '');
  const [description, setDescription] = useState(script?.description ?? '');
  const [language, setLanguage] = useState<ScriptLanguage>(script?.language ?? 'js');
  const [source, setSource] = useState(script?.source ?? NEW_SOURCE);
  const [enabled, setEnabled] = useState(script?.enabled ?? true);
  const [rows, setRows] = useState<TriggerRow[]>(() =>
    triggerRowsOf(script?.triggers ?? [{ kind: 'manual', eventTypes: [], cron: null, writes: [] }]),
  );
  const [schemas, setSchemas] = useState<SchemaTexts>(() => schemaTextsOf(script));
  const [schemaProblems, setSchemaProblems] = useState<SchemaProblems>({});
  /** The draft, or none while a schema field holds no schema (its problem is then shown at it). */
  const draft = (): ScriptDraft | undefined => {
    const read = readSchemas(schemas);
    setSchemaProblems(read.ok ? {} : read.problems);
    if (!read.ok) return undefined;
    const { inputSchema, outputSchema } = read;
    return { name, description, language, source, enabled, triggers: triggersOfRows(rows), inputSchema, outputSchema };
  };
  return {
    schemas,
    setSchemas,
    schemaProblems,
    name,
    setName,
    description,
    setDescription,
    language,
    setLanguage,
    source,
    setSource,
    enabled,
    setEnabled,
    rows,
    setRows,
    draft,
  };
};

/** A script's fields: name (new only), description, language, source in the code editor, triggers, schemas. */
export const ScriptForm = ({ script, submitLabel, pending, error, onSubmit, onCode }: Props) => {
  const t = useMessages(messages);
  const n = useMessages(scriptNames);
  const id = useId();
  const d = useDraft(script);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const draft = d.draft();
    if (draft) onSubmit(draft);
  };
  const setLanguage = (language: ScriptLanguage) => {
    d.setLanguage(language);
    onCode?.({ source: d.source, language });
  };
  return (
    <form className="stack script-form" onSubmit={submit} noValidate>
      {script ? null : (
        <LabelledInput
          label={n.name}
          hint={t.nameHint}
          value={d.name}
          required
          maxLength={64}
          onChange={(e) => d.setName(e.target.value)}
        />
      )}
      <LabelledInput label={n.description} value={d.description} maxLength={2000} onChange={(e) => d.setDescription(e.target.value)} />
      <LabelledSelect label={n.language} value={d.language} onChange={(e) => setLanguage(e.target.value === 'ts' ? 'ts' : 'js')}>
        {(['js', 'ts'] as const).map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </LabelledSelect>
      <div className="field">
        <span id={`${id}-source`}>{n.source}</span>
        <ScriptEditor
          labelledBy={`${id}-source`}
          value={d.source}
          language={d.language}
          onChange={(source) => {
            d.setSource(source);
            onCode?.({ source, language: d.language });
          }}
        />
        <small className="hint">{t.sourceHint}</small>
      </div>
      <ScriptTriggers rows={d.rows} onRows={d.setRows} />
      <ScriptSchemas texts={d.schemas} problems={d.schemaProblems} onTexts={d.setSchemas} />
      {script ? null : <Checkbox label={t.enabledNew} checked={d.enabled} onChange={(e) => d.setEnabled(e.target.checked)} />}
      {error ? <ErrorNotice error={error} /> : null}
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
};
