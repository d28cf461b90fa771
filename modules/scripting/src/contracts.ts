/** `@rustok/scripting/contracts`: what other modules may use: the module's event types and their payloads. */
export type { ScriptDisabledPayload, ScriptEmittedPayload } from './events.js';
export { SCRIPTING_EVENT } from './events.js';
