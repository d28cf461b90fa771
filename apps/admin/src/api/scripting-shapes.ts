/** The languages a script is written in (TypeScript has its types blanked out on save). */
export type ScriptLanguage = 'js' | 'ts';

export type TriggerKind = 'event' | 'cron' | 'manual' | 'http' | 'validate';
export const TRIGGER_KINDS: readonly TriggerKind[] = ['manual', 'event', 'cron', 'http', 'validate'];

/** The writes a validate hook may check (commerce's product-write check port). */
export const VALIDATE_WRITES: readonly string[] = ['commerce.product.create', 'commerce.product.update'];

/** At most this many triggers per script (the server's limit). */
export const MAX_TRIGGERS = 20;

/** One trigger as saved: `event` has its type patterns, `cron` its expression, `validate` its writes. */
export interface TriggerView {
  readonly kind: TriggerKind;
  readonly eventTypes: readonly string[];
  readonly cron: string | null;
  readonly writes: readonly string[];
}

/** A script as the list shows it (no source). */
export interface ScriptSummaryView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly language: ScriptLanguage;
  readonly enabled: boolean;
  /** Why the platform turned it off (`failing`), or null. */
  readonly disabledReason: string | null;
  readonly consecutiveFailures: number;
  readonly version: number;
  readonly triggers: readonly TriggerView[];
  readonly updatedAt: string;
}

/** A declared JSON Schema (of an http trigger's input, of the output), or none. */
export type ScriptSchema = Readonly<Record<string, unknown>> | null;

export interface ScriptView extends ScriptSummaryView {
  readonly source: string;
  readonly inputSchema: ScriptSchema;
  readonly outputSchema: ScriptSchema;
}

export interface ScriptVersionView {
  readonly version: number;
  readonly language: ScriptLanguage;
  readonly source: string;
  readonly createdAt: string;
}

/** One run as logged (dry runs are not). */
export interface ExecutionView {
  readonly id: string;
  readonly scriptVersion: number;
  readonly trigger: string;
  /** queued, succeeded or failed. */
  readonly status: string;
  readonly durationMs: number | null;
  readonly cpuMs: number | null;
  readonly errorCode: string | null;
  readonly createdAt: string;
}

export interface RecordedCallView {
  readonly name: string;
  readonly args: unknown;
  /** False in a dry run for anything with an effect (kv writes, emit, writes through ctx.api, http). */
  readonly performed: boolean;
}

/** How a run went: output or error, its budget figures, its log and the host calls it made. */
export interface RunReportView {
  readonly dryRun: boolean;
  readonly ok: boolean;
  readonly output: unknown;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly errorLine: number | null;
  readonly durationMs: number;
  readonly cpuMs: number;
  readonly memoryBytes: number;
  readonly calls: number;
  readonly log: readonly { readonly level: string; readonly text: string }[];
  readonly logTruncated: boolean;
  readonly recordedCalls: readonly RecordedCallView[];
}

/** What the create and edit forms send (the name only on create: it cannot change). */
export interface ScriptDraft {
  readonly name: string;
  readonly description: string;
  readonly language: ScriptLanguage;
  readonly source: string;
  readonly enabled: boolean;
  readonly triggers: readonly TriggerInputDraft[];
  readonly inputSchema: ScriptSchema;
  readonly outputSchema: ScriptSchema;
}

export interface TriggerInputDraft {
  readonly kind: TriggerKind;
  readonly eventTypes?: readonly string[];
  readonly cron?: string;
  readonly writes?: readonly string[];
}

export const languageOf = (value: string | null | undefined): ScriptLanguage => (value === 'ts' ? 'ts' : 'js');
export const triggerKindOf = (value: string | null | undefined): TriggerKind => TRIGGER_KINDS.find((k) => k === value) ?? 'manual';

/** A trigger as the API takes it: only the fields of its kind. */
export const triggerInputOf = (t: TriggerInputDraft) => ({
  kind: t.kind,
  ...(t.kind === 'event' ? { eventTypes: [...(t.eventTypes ?? [])] } : {}),
  ...(t.kind === 'cron' ? { cron: t.cron ?? '' } : {}),
  ...(t.kind === 'validate' ? { writes: [...(t.writes ?? [])] } : {}),
});

/** What a new script sends: a blank description is left out. */
export const createScriptInputOf = (d: ScriptDraft) => ({
  name: d.name.trim(),
  language: d.language,
  source: d.source,
  enabled: d.enabled,
  triggers: d.triggers.map(triggerInputOf),
  ...(d.description.trim() ? { description: d.description.trim() } : {}),
  ...(d.inputSchema ? { inputSchema: d.inputSchema } : {}),
  ...(d.outputSchema ? { outputSchema: d.outputSchema } : {}),
});

/** What a save sends: every field but the name (a change of code is a new version; triggers are replaced). */
export const updateScriptInputOf = (d: ScriptDraft) => ({
  description: d.description.trim(),
  language: d.language,
  source: d.source,
  triggers: d.triggers.map(triggerInputOf),
  inputSchema: d.inputSchema,
  outputSchema: d.outputSchema,
});

/** Whether a JSON value is an object (not an array, not null): what a schema and an event are. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema as its field shows it: indented JSON, or nothing for none. */
export const schemaText = (schema: ScriptSchema): string => (schema ? JSON.stringify(schema, null, 2) : '');

/** A schema field's text read back: nothing is no schema; otherwise a JSON object, or why not. */
export const schemaOfText = (text: string): { readonly schema: ScriptSchema } | { readonly problem: 'json' | 'object' } => {
  if (text.trim() === '') return { schema: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'json' };
  }
  return isJsonObject(value) ? { schema: value } : { problem: 'object' };
};

/** The two schema fields as typed. */
export interface SchemaTexts {
  readonly input: string;
  readonly output: string;
}

export const schemaTextsOf = (
  script: { readonly inputSchema: ScriptSchema; readonly outputSchema: ScriptSchema } | undefined,
): SchemaTexts => ({
  input: schemaText(script?.inputSchema ?? null),
  output: schemaText(script?.outputSchema ?? null),
});

/** The schemas the texts give, or what is wrong with each that is not one. */
export const readSchemas = (
  texts: SchemaTexts,
):
  | { readonly ok: true; readonly inputSchema: ScriptSchema; readonly outputSchema: ScriptSchema }
  | { readonly ok: false; readonly problems: SchemaProblems } => {
  const input = schemaOfText(texts.input);
  const output = schemaOfText(texts.output);
  if ('schema' in input && 'schema' in output) return { ok: true, inputSchema: input.schema, outputSchema: output.schema };
  return {
    ok: false,
    problems: { ...('problem' in input ? { input: input.problem } : {}), ...('problem' in output ? { output: output.problem } : {}) },
  };
};

export interface SchemaProblems {
  readonly input?: 'json' | 'object';
  readonly output?: 'json' | 'object';
}
