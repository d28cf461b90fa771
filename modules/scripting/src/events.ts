import { type EventDeclaration, Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const SCRIPTING_EVENT = {
  scriptDisabled: 'scripting.script.disabled',
  scriptEmitted: 'scripting.script.emitted',
} as const;

/** The platform turned a script off: it failed `consecutiveFailures` runs in a row. */
export const ScriptDisabledPayload = Type.Object(
  {
    scriptId: Id(),
    name: Type.String({ maxLength: 64 }),
    reason: Type.Literal('failing'),
    consecutiveFailures: Type.Integer({ minimum: 0 }),
    lastErrorCode: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ScriptDisabledPayload = Static<typeof ScriptDisabledPayload>;

/**
 * A script's own event (`ctx.emit(suffix, data)`): `name` is `script.<script name>.<suffix>`, the
 * custom name subscribers filter on; `data` is whatever JSON object the script passed.
 */
export const ScriptEmittedPayload = Type.Object(
  {
    scriptId: Id(),
    executionId: Id(),
    name: Type.String({ pattern: '^script\\.[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_.-]*$', maxLength: 200 }),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type ScriptEmittedPayload = Static<typeof ScriptEmittedPayload>;

/** The events scripting publishes. A changed payload is a new schemaVersion, never an edit of a published one. */
export const scriptingEvents: readonly EventDeclaration[] = [
  {
    type: SCRIPTING_EVENT.scriptDisabled,
    schemaVersion: 1,
    description: 'A script was turned off after failing too many runs in a row',
    payload: ScriptDisabledPayload,
  },
  {
    type: SCRIPTING_EVENT.scriptEmitted,
    schemaVersion: 1,
    description: 'A script emitted its own event (ctx.emit); the custom name is in the payload',
    payload: ScriptEmittedPayload,
  },
];
