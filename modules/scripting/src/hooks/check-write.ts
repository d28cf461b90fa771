import type { ProductWrite, ProductWriteChecks } from '@rustok/commerce/contracts';
import { generateId, type PortContext } from '@rustok/kernel';
import type { HostFunction } from '@rustok/sandbox';
import { scriptingErrors } from '../errors.js';
import { type ScriptingOptions, scriptingOptions } from '../options.js';
import { scriptFault } from '../runtime/effects.js';
import { executeScript, wasRefused } from '../runtime/execute.js';
import { recordOutcome } from '../runtime/record.js';
import { enginesFor } from '../runtime/sandbox.js';
import { hookPolicy } from '../settings.js';
import { type ValidateHook, validateHooksOf } from '../store/triggers.js';
import { scopeOf } from '../use-cases/run-common.js';
import { recordedResult, type Verdict, verdictOf } from './verdict.js';

/** A validate hook reaches nothing outside its VM: every host function refuses (the log still works). */
const HOST_NAMES = [
  'kv.get',
  'kv.set',
  'kv.delete',
  'emit',
  'http.fetch',
  'api.products.get',
  'api.products.setTags',
  'api.products.addTags',
];
const NO_HOST: Readonly<Record<string, HostFunction>> = Object.fromEntries(
  HOST_NAMES.map((name) => [
    name,
    () => {
      throw scriptFault('SCRIPTING_HOST_ARGS', `${name} is not available in a validate hook`);
    },
  ]),
);

const limitsOf = (options: ScriptingOptions) => ({
  cpuMs: options.validate.cpu_ms,
  wallMs: options.validate.wall_ms,
  memoryBytes: options.validate.memory_bytes,
  maxCalls: HOST_NAMES.length,
});

/** Runs one hook on the hooks' own workers and records the run (trigger `validate`; not one refused as busy); answers its verdict. */
const runHook = async (port: PortContext, options: ScriptingOptions, write: ProductWrite, hook: ValidateHook): Promise<Verdict> => {
  const scope = scopeOf({ ...port, tenantId: write.tenantId, options }, hook, false);
  const script = { id: hook.id, name: hook.name, version: hook.version, compiled: hook.compiled, outputSchema: null };
  const doc = {
    input: { write: write.write, productId: write.productId, actorId: write.actorId, changes: write.changes },
    event: null,
  };
  const sandbox = await enginesFor(port.config).validator();
  const outcome = await executeScript(scope, sandbox, script, doc, { host: NO_HOST, limits: limitsOf(options) });
  const verdict = verdictOf(outcome.result);
  if (wasRefused(outcome)) return verdict;
  const target = { executionId: generateId(), queued: false, trigger: 'validate' as const, triggerId: hook.triggerId, eventId: null };
  await recordOutcome(scope, script, target, doc, { ...outcome, result: recordedResult(outcome.result, verdict) });
  return verdict;
};

/**
 * Runs the tenant's validate hooks of a write, in name order, when its `validateHooks` setting is
 * on. The first rejection refuses the write (SCRIPTING_WRITE_REJECTED, 422, the script's message).
 * A hook with no verdict refuses it too (SCRIPTING_VALIDATE_HOOK_FAILED, 503) unless the tenant's
 * `validateHookFailure` is `accept`.
 */
export const checkWrite = async (port: PortContext, write: ProductWrite): Promise<void> => {
  // Every product write asks this first: one tenant read (one round trip), not a transaction of three.
  const policy = await hookPolicy({ query: (text, params) => port.db.tenantRead(write.tenantId, text, params) });
  if (!policy.enabled) return;
  const hooks = await port.db.transaction((tx) => validateHooksOf(tx, write.write), { tenantId: write.tenantId });
  if (hooks.length === 0) return;
  const options = scriptingOptions(port.config);
  for (const hook of hooks) {
    const verdict = await runHook(port, options, write, hook);
    if (verdict.kind === 'reject') throw scriptingErrors.SCRIPTING_WRITE_REJECTED(verdict.message);
    if (verdict.kind === 'accept') continue;
    if (policy.onFailure === 'accept') {
      port.logger.warn({ tenantId: write.tenantId, script: hook.name, code: verdict.code }, 'validate hook failed; the write goes on');
      continue;
    }
    throw scriptingErrors.SCRIPTING_VALIDATE_HOOK_FAILED(`Validate hook ${hook.name} failed (${verdict.code}): ${verdict.message}`);
  }
};

/** Scripting's backing of commerce's product-write check port. */
export const productWriteChecks = (port: PortContext): ProductWriteChecks => ({ check: (write) => checkWrite(port, write) });
