import { Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { TriggerKind } from './schemas.js';

/** TypeBox schemas of runs: manual runs, dry runs and the execution log. */
export const RunInput = Type.Object(
  {
    /** The input document (`ctx.input`); checked against the script's input schema. */
    input: Type.Optional(Type.Unknown()),
    /** A dry run only: an event to hand the script as `ctx.event`. */
    event: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** A dry run only: run this source (and language) instead of the saved one. */
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100_000 })),
    language: Type.Optional(Type.Union([Type.Literal('js'), Type.Literal('ts')])),
  },
  { additionalProperties: false },
);
export type RunInput = Static<typeof RunInput>;

const LogLine = Type.Object({ level: Type.String(), text: Type.String() }, { additionalProperties: false });

/** A host call a run made: `performed` false in a dry run for anything with an effect (kv writes, emit, writes through ctx.api, http). */
export const RecordedCall = Type.Object(
  { name: Type.String(), args: Type.Unknown(), performed: Type.Boolean() },
  { additionalProperties: false },
);
export type RecordedCall = Static<typeof RecordedCall>;

export const RunReport = Type.Object(
  {
    /** The execution logged for a real run; null for a dry run (nothing is written). */
    executionId: Type.Union([Id(), Type.Null()]),
    dryRun: Type.Boolean(),
    ok: Type.Boolean(),
    output: Type.Unknown(),
    errorCode: Type.Union([Type.String(), Type.Null()]),
    errorMessage: Type.Union([Type.String(), Type.Null()]),
    errorLine: Type.Union([Type.Integer(), Type.Null()]),
    durationMs: Type.Number(),
    cpuMs: Type.Number(),
    memoryBytes: Type.Integer(),
    calls: Type.Integer(),
    recordedCalls: Type.Array(RecordedCall),
    log: Type.Array(LogLine),
    logTruncated: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RunReport = Static<typeof RunReport>;

export const ExecutionStatus = Type.Union([Type.Literal('queued'), Type.Literal('succeeded'), Type.Literal('failed')]);

export const Execution = Type.Object(
  {
    id: Id(),
    scriptId: Id(),
    scriptVersion: Type.Integer(),
    trigger: TriggerKind,
    eventId: Type.Union([Id(), Type.Null()]),
    status: ExecutionStatus,
    durationMs: Type.Union([Type.Number(), Type.Null()]),
    cpuMs: Type.Union([Type.Number(), Type.Null()]),
    memoryBytes: Type.Union([Type.Integer(), Type.Null()]),
    calls: Type.Union([Type.Integer(), Type.Null()]),
    errorCode: Type.Union([Type.String(), Type.Null()]),
    errorMessage: Type.Union([Type.String(), Type.Null()]),
    errorLine: Type.Union([Type.Integer(), Type.Null()]),
    log: Type.Union([Type.String(), Type.Null()]),
    inputExcerpt: Type.Union([Type.String(), Type.Null()]),
    outputExcerpt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp(),
    finishedAt: Type.Union([Timestamp(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Execution = Static<typeof Execution>;

export const ExecutionList = Type.Object({ items: Type.Array(Execution), nextCursor: Type.Union([Id(), Type.Null()]) });
export type ExecutionList = Static<typeof ExecutionList>;

export const HookParams = Type.Object({ script: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$', maxLength: 64 }) });
export type HookParams = Static<typeof HookParams>;
