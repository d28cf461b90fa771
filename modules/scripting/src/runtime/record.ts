import { txPublisher } from '@rustok/api';
import type { Tx } from '@rustok/db';
import type { RunResult } from '@rustok/sandbox';
import { SCRIPTING_EVENT, type ScriptDisabledPayload, type ScriptEmittedPayload } from '../events.js';
import { countRun } from '../metrics.js';
import type { TriggerKind } from '../schemas.js';
import { tenantLimits } from '../settings.js';
import { type FinishedRun, finishQueued, insertFinished } from '../store/executions.js';
import { kvApply } from '../store/kv.js';
import { countOutcome, setScriptEnabled } from '../store/scripts.js';
import type { RunScope } from './effects.js';
import type { RunDocument, RunOutcome, ScriptToRun } from './execute.js';

/** Which execution a run is: a queued one finishing, or a new one (manual, http). */
export interface RunTarget {
  readonly executionId: string;
  readonly queued: boolean;
  readonly trigger: TriggerKind;
  readonly triggerId: string | null;
  readonly eventId: string | null;
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const json = (value: unknown): string => JSON.stringify(value ?? null) ?? 'null';

/** The execution log's columns of a run. */
export const finishedOf = (result: RunResult, durationMs: number, doc: RunDocument, max: number): FinishedRun => ({
  ok: result.ok,
  durationMs,
  cpuMs: result.cpuMs,
  memoryBytes: result.memoryBytes,
  calls: result.calls,
  errorCode: result.ok ? null : result.code,
  errorMessage: result.ok ? null : cut(result.message, 2_000),
  errorLine: result.ok ? null : (result.line ?? null),
  log: cut(result.log.map((l) => `[${l.level}] ${l.text}`).join('\n'), max),
  inputExcerpt: cut(json(doc.event ? { input: doc.input, event: doc.event } : doc.input), max),
  outputExcerpt: result.ok ? cut(json(result.output), max) : null,
});

/** A success's kv writes and events, in the record's transaction. */
const commitEffects = async (tx: Tx, scope: RunScope, script: ScriptToRun, target: RunTarget, outcome: RunOutcome) => {
  await kvApply(tx, script.id, outcome.effects.kv);
  const publish = txPublisher(scope.events, tx, scope.tenantId, null);
  const emitted = outcome.effects.emitted.map((e) => ({
    type: SCRIPTING_EVENT.scriptEmitted,
    payload: { scriptId: script.id, executionId: target.executionId, name: e.name, data: e.data } satisfies ScriptEmittedPayload,
  }));
  await publish.publishAll(emitted);
};

/** Counts the outcome; the failure that reaches the tenant's limit turns the script off and says so in an event. */
const countAndMaybeDisable = async (tx: Tx, scope: RunScope, script: ScriptToRun, result: RunResult): Promise<void> => {
  const failures = await countOutcome(tx, script.id, result.ok);
  if (result.ok) return;
  const { disableAfterFailures } = await tenantLimits(tx, scope.options);
  if (failures !== disableAfterFailures) return;
  await setScriptEnabled(tx, script.id, false, 'failing');
  const payload: ScriptDisabledPayload = {
    scriptId: script.id,
    name: script.name,
    reason: 'failing',
    consecutiveFailures: failures,
    lastErrorCode: result.code,
  };
  await txPublisher(scope.events, tx, scope.tenantId, null).publish(SCRIPTING_EVENT.scriptDisabled, payload);
};

/**
 * Records a real run in one tenant transaction: its effects (on success), the execution, the
 * failure count (and the script turned off at the limit). A dry run is never recorded.
 */
export const recordOutcome = async (
  scope: RunScope,
  script: ScriptToRun,
  target: RunTarget,
  doc: RunDocument,
  outcome: RunOutcome,
): Promise<void> => {
  const finished = finishedOf(outcome.result, outcome.durationMs, doc, scope.options.excerpt_chars);
  await scope.db.transaction(
    async (tx) => {
      if (outcome.result.ok) await commitEffects(tx, scope, script, target, outcome);
      if (target.queued) await finishQueued(tx, target.executionId, script.version, finished);
      else await insertFinished(tx, { ...target, id: target.executionId, scriptId: script.id, version: script.version }, finished);
      await countAndMaybeDisable(tx, scope, script, outcome.result);
    },
    { tenantId: scope.tenantId },
  );
  countRun(scope.tenantId, outcome.result.ok, outcome.result.cpuMs);
};
