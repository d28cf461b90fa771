import { PRODUCT_WRITES } from '@rustok/commerce/contracts';
import { generateId, parseCron, typeMatches } from '@rustok/kernel';
import type { ScriptingContext } from '../context.js';
import { scriptingErrors } from '../errors.js';
import { compileScript, type ScriptLanguage } from '../runtime/compile.js';
import { schemaProblem } from '../runtime/json-schema.js';
import type { TriggerInput } from '../schemas.js';
import type { ScriptCode } from '../store/scripts.js';
import type { NewTrigger } from '../store/triggers.js';

export interface CodeInput {
  readonly description: string;
  readonly language: ScriptLanguage;
  readonly source: string;
  readonly inputSchema: Record<string, unknown> | null;
  readonly outputSchema: Record<string, unknown> | null;
}

/** Compiles a save's source (a syntax error is a 422 naming its line) and checks its schemas compile. */
export const codeOf = async (input: CodeInput): Promise<ScriptCode> => {
  for (const [at, schema] of [
    ['/inputSchema', input.inputSchema],
    ['/outputSchema', input.outputSchema],
  ] as const) {
    const problem = schemaProblem(schema);
    if (problem) throw scriptingErrors.SCRIPTING_SCHEMA_INVALID(`${at}: ${problem}`, { errors: [{ path: at, message: problem }] });
  }
  const compiled = await compileScript(input.language, input.source);
  if (!compiled.ok) {
    throw scriptingErrors.SCRIPTING_COMPILE_FAILED(`Line ${compiled.line}, column ${compiled.column}: ${compiled.message}`, {
      errors: [{ path: '/source', message: `line ${compiled.line}: ${compiled.message}` }],
      meta: { line: compiled.line, column: compiled.column },
    });
  }
  return { ...input, compiled: compiled.code, hash: compiled.hash };
};

const checkTrigger = (ctx: ScriptingContext, t: TriggerInput, at: string): NewTrigger => {
  if (t.kind === 'event') {
    const types = t.eventTypes ?? [];
    if (types.length === 0) throw scriptingErrors.SCRIPTING_TRIGGER_INVALID(`${at}: an event trigger names at least one event type`);
    const unknown = types.filter((p) => !ctx.eventTypes.some((type) => typeMatches(p, type)));
    if (unknown.length > 0) throw scriptingErrors.SCRIPTING_TRIGGER_INVALID(`${at}: no event type matches ${unknown.join(', ')}`);
    return { id: generateId(), kind: 'event', eventTypes: types, cron: null, writes: [] };
  }
  if (t.kind === 'cron') {
    try {
      parseCron(t.cron ?? '');
    } catch (error) {
      throw scriptingErrors.SCRIPTING_TRIGGER_INVALID(`${at}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { id: generateId(), kind: 'cron', eventTypes: [], cron: (t.cron ?? '').trim(), writes: [] };
  }
  if (t.kind === 'validate') {
    const writes = t.writes ?? [];
    if (writes.length === 0) throw scriptingErrors.SCRIPTING_TRIGGER_INVALID(`${at}: a validate trigger names at least one write`);
    const unknown = writes.filter((w) => !(PRODUCT_WRITES as readonly string[]).includes(w));
    if (unknown.length > 0)
      throw scriptingErrors.SCRIPTING_TRIGGER_INVALID(`${at}: no write ${unknown.join(', ')} (one of ${PRODUCT_WRITES.join(', ')})`);
    return { id: generateId(), kind: 'validate', eventTypes: [], cron: null, writes };
  }
  return { id: generateId(), kind: t.kind, eventTypes: [], cron: null, writes: [] };
};

/** Triggers of a save, checked: event types the deployment publishes, cron expressions that parse, writes that can be checked. */
export const triggersOf = (ctx: ScriptingContext, triggers: readonly TriggerInput[]): NewTrigger[] =>
  triggers.map((t, i) => checkTrigger(ctx, t, `/triggers/${i}`));
