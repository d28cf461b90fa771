import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** TypeBox schemas of scripts and triggers: REST validates with them, the use-cases parse with them. */
export const ScriptName = () =>
  Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$', maxLength: 64, description: 'Slug: lower-case letters, digits, - and _' });
const Source = () => Type.String({ minLength: 1, maxLength: 100_000 });
const Language = () => Type.Union([Type.Literal('js'), Type.Literal('ts')]);
/** A JSON Schema (draft 7 / 2019-09 keywords Ajv knows) the script's input or output must meet; null: none. */
const JsonSchema = () => Type.Union([Type.Record(Type.String(), Type.Unknown(), { maxProperties: 200 }), Type.Null()]);
const EventPattern = () => Type.String({ pattern: '^(\\*|[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*(\\.\\*)?)$', maxLength: 200 });

const WriteName = () => Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$', maxLength: 200 });

export const TriggerKind = Type.Union([
  Type.Literal('event'),
  Type.Literal('cron'),
  Type.Literal('manual'),
  Type.Literal('http'),
  Type.Literal('validate'),
]);
export type TriggerKind = Static<typeof TriggerKind>;

export const Trigger = Type.Object(
  {
    id: Id(),
    kind: TriggerKind,
    /** `event`: the types it runs on (`commerce.product.published`, `commerce.product.*`, `*`). */
    eventTypes: Type.Array(Type.String()),
    /** `cron`: five fields, server time. */
    cron: Type.Union([Type.String(), Type.Null()]),
    /** `validate`: the writes it checks (`commerce.product.create`, `commerce.product.update`). */
    writes: Type.Array(Type.String()),
    createdAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type Trigger = Static<typeof Trigger>;

export const TriggerInput = Type.Object(
  {
    kind: TriggerKind,
    eventTypes: Type.Optional(Type.Array(EventPattern(), { minItems: 1, maxItems: 50, uniqueItems: true })),
    cron: Type.Optional(Type.String({ minLength: 9, maxLength: 100 })),
    writes: Type.Optional(Type.Array(WriteName(), { minItems: 1, maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type TriggerInput = Static<typeof TriggerInput>;

export const Script = Type.Object(
  {
    id: Id(),
    name: Type.String(),
    description: Type.String(),
    language: Language(),
    source: Type.String(),
    /** sha256 of the code that runs (the transpiled JavaScript for TypeScript). */
    hash: Type.String(),
    enabled: Type.Boolean(),
    inputSchema: JsonSchema(),
    outputSchema: JsonSchema(),
    version: Type.Integer(),
    consecutiveFailures: Type.Integer(),
    /** Why the platform turned it off (`failing`), or null. */
    disabledReason: Type.Union([Type.String(), Type.Null()]),
    triggers: Type.Array(Trigger),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type Script = Static<typeof Script>;

export const CreateScriptInput = Type.Object(
  {
    name: ScriptName(),
    description: Type.Optional(Type.String({ maxLength: 2_000 })),
    language: Type.Optional(Language()),
    source: Source(),
    enabled: Type.Optional(Type.Boolean()),
    inputSchema: Type.Optional(JsonSchema()),
    outputSchema: Type.Optional(JsonSchema()),
    triggers: Type.Optional(Type.Array(TriggerInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateScriptInput = Static<typeof CreateScriptInput>;

/** Fields left out stay; `triggers` given replaces them all. A change of code or schemas is a new version. */
export const UpdateScriptInput = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 2_000 })),
    language: Type.Optional(Language()),
    source: Type.Optional(Source()),
    inputSchema: Type.Optional(JsonSchema()),
    outputSchema: Type.Optional(JsonSchema()),
    triggers: Type.Optional(Type.Array(TriggerInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type UpdateScriptInput = Static<typeof UpdateScriptInput>;

export const ScriptSummary = Type.Omit(Script, ['source', 'inputSchema', 'outputSchema']);
export type ScriptSummary = Static<typeof ScriptSummary>;

export const ScriptList = Type.Object({ items: Type.Array(ScriptSummary), nextCursor: Type.Union([Id(), Type.Null()]) });
export type ScriptList = Static<typeof ScriptList>;

export const PageQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Id()) },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const ScriptVersion = Type.Object(
  {
    version: Type.Integer(),
    description: Type.String(),
    language: Language(),
    source: Type.String(),
    hash: Type.String(),
    inputSchema: JsonSchema(),
    outputSchema: JsonSchema(),
    createdBy: Type.Union([Id(), Type.Null()]),
    createdAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type ScriptVersion = Static<typeof ScriptVersion>;

export const ScriptVersionList = Type.Object({ items: Type.Array(ScriptVersion) });
export type ScriptVersionList = Static<typeof ScriptVersionList>;

export const ScriptParams = Type.Object({ id: Id() }, { additionalProperties: false });
export type ScriptParams = Static<typeof ScriptParams>;
export const VersionParams = Type.Object({ id: Id(), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type VersionParams = Static<typeof VersionParams>;
