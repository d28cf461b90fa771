import { defineErrors } from '@rustok/kernel';

/** Every error code scripting raises, with its status and title (see defineErrors in @rustok/kernel). */
export const scriptingErrors = defineErrors('scripting', {
  SCRIPTING_SCRIPT_NOT_FOUND: { status: 404, title: 'Not found' },
  SCRIPTING_VERSION_NOT_FOUND: { status: 404, title: 'Not found' },
  SCRIPTING_NAME_TAKEN: { status: 409, title: 'A script of that name exists' },
  SCRIPTING_COMPILE_FAILED: {
    status: 422,
    title: 'The script does not compile',
    description: 'The source has a syntax error; the problem names its line.',
  },
  SCRIPTING_SCRIPT_DISABLED: { status: 409, title: 'The script is disabled' },
  SCRIPTING_TRIGGER_INVALID: {
    status: 422,
    title: 'Invalid trigger',
    description: 'An unknown event type or a cron expression that does not parse.',
  },
  SCRIPTING_INPUT_INVALID: {
    status: 422,
    title: 'Input does not match the script',
    description: "The input breaks the script's declared input schema.",
  },
  SCRIPTING_SCHEMA_INVALID: {
    status: 422,
    title: 'Invalid JSON schema',
    description: 'A declared input or output schema does not compile.',
  },
  SCRIPTING_KV_QUOTA: { status: 422, title: 'Key-value quota exceeded', description: "The script's key-value store is full." },
  SCRIPTING_TOO_MANY_SCRIPTS: { status: 409, title: 'Too many scripts' },
  SCRIPTING_HOST_ARGS: {
    status: 422,
    title: 'Invalid host call',
    description: 'A script called a host function (ctx.kv, ctx.emit, ctx.api, ctx.http) with arguments it does not take.',
  },
  SCRIPTING_CALL_BUDGET: {
    status: 422,
    title: 'Call budget spent',
    description: 'A run emitted more events or made more requests than its budget.',
  },
  SCRIPTING_WRITE_REJECTED: {
    status: 422,
    title: 'Refused by a validate hook',
    description: "One of the tenant's validate hooks refused the write; the detail is the script's message.",
  },
  SCRIPTING_VALIDATE_HOOK_FAILED: {
    status: 503,
    title: 'A validate hook failed',
    description:
      "A validate hook could not give a verdict (over its budget, an uncaught error, no verdict) and the tenant's policy refuses the write then.",
  },
  SCRIPTING_HTTP_REFUSED: {
    status: 422,
    title: 'Request not allowed',
    description: 'ctx.http.fetch was refused (private address, bad URL) or failed (timeout, network).',
  },
});
