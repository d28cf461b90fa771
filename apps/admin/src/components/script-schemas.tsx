import type { SchemaProblems, SchemaTexts } from '../api/scripting-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { LabelledTextarea } from './flex-inputs.js';

const messages = defineMessages({
  en: {
    legend: 'Schemas',
    input: 'Input schema (JSON Schema)',
    output: 'Output schema (JSON Schema)',
    hint: 'Optional. An http trigger refuses a request body that does not match the input schema (422); a run whose output does not match the output schema fails. Leave empty for none.',
    json: 'This is not valid JSON.',
    object: 'A schema is a JSON object: { … }.',
  },
  ru: {
    legend: 'Схемы',
    input: 'Схема входных данных (JSON Schema)',
    output: 'Схема результата (JSON Schema)',
    hint: 'Необязательно. HTTP-триггер отклоняет тело запроса, не подходящее под схему входных данных (422); запуск, чей результат не подходит под схему результата, завершается ошибкой. Оставьте пустым, если схема не нужна.',
    json: 'Это не JSON.',
    object: 'Схема — это объект JSON: { … }.',
  },
});

interface Props {
  readonly texts: SchemaTexts;
  readonly problems: SchemaProblems;
  readonly onTexts: (texts: SchemaTexts) => void;
}

/** The script's declared input and output schemas, as JSON text. */
export const ScriptSchemas = ({ texts, problems, onTexts }: Props) => {
  const t = useMessages(messages);
  const errors = (problem: 'json' | 'object' | undefined) => (problem ? [t[problem]] : undefined);
  return (
    <fieldset className="stack script-schemas">
      <legend>{t.legend}</legend>
      {(['input', 'output'] as const).map((which) => (
        <LabelledTextarea
          key={which}
          label={t[which]}
          rows={4}
          spellCheck={false}
          className="code"
          value={texts[which]}
          errors={errors(problems[which])}
          onChange={(e) => onTexts({ ...texts, [which]: e.target.value })}
        />
      ))}
      <small className="hint">{t.hint}</small>
    </fieldset>
  );
};
