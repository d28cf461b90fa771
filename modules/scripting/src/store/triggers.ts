import type { SqlRunner } from '@rustok/kernel';
import type { Trigger, TriggerKind } from '../schemas.js';

/** The SQL of `scripting_triggers`, and the deployment-wide cron schedule kept beside it. */
type TriggerRow = {
  id: string;
  script_id: string;
  kind: TriggerKind;
  event_types: string[];
  cron: string | null;
  writes: string[];
  created_at: Date | string;
};

export interface NewTrigger {
  readonly id: string;
  readonly kind: TriggerKind;
  readonly eventTypes: readonly string[];
  readonly cron: string | null;
  readonly writes: readonly string[];
}

const viewOf = (row: TriggerRow): Trigger => ({
  id: row.id,
  kind: row.kind,
  eventTypes: row.event_types,
  cron: row.cron,
  writes: row.writes,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Replaces a script's triggers (and its cron schedule entries) with `triggers`. */
export const replaceTriggers = async (
  tx: SqlRunner,
  tenantId: string,
  scriptId: string,
  triggers: readonly NewTrigger[],
): Promise<void> => {
  await tx.query('DELETE FROM scripting_cron WHERE trigger_id IN (SELECT id FROM scripting_triggers WHERE script_id = $1 AND kind = $2)', [
    scriptId,
    'cron',
  ]);
  await tx.query('DELETE FROM scripting_triggers WHERE script_id = $1', [scriptId]);
  for (const t of triggers) {
    await tx.query('INSERT INTO scripting_triggers (id, script_id, kind, event_types, cron, writes) VALUES ($1, $2, $3, $4, $5, $6)', [
      t.id,
      scriptId,
      t.kind,
      [...t.eventTypes],
      t.cron,
      [...t.writes],
    ]);
    if (t.kind === 'cron' && t.cron) {
      await tx.query('INSERT INTO scripting_cron (trigger_id, tenant_id, expression) VALUES ($1, $2, $3)', [t.id, tenantId, t.cron]);
    }
  }
};

/** The cron schedule entries of a script being deleted (the schedule has no foreign key). */
export const deleteCronOf = async (tx: SqlRunner, scriptId: string): Promise<void> => {
  await tx.query('DELETE FROM scripting_cron WHERE trigger_id IN (SELECT id FROM scripting_triggers WHERE script_id = $1)', [scriptId]);
};

/** Triggers of the given scripts, by script id. */
export const triggersOf = async (tx: SqlRunner, scriptIds: readonly string[]): Promise<Map<string, Trigger[]>> => {
  const out = new Map<string, Trigger[]>(scriptIds.map((id) => [id, []]));
  if (scriptIds.length === 0) return out;
  const { rows } = await tx.query<TriggerRow>(
    'SELECT id, script_id, kind, event_types, cron, writes, created_at FROM scripting_triggers WHERE script_id = ANY($1::uuid[]) ORDER BY id',
    [[...scriptIds]],
  );
  for (const row of rows) out.get(row.script_id)?.push(viewOf(row));
  return out;
};

export interface EventSubscription {
  readonly scriptId: string;
  readonly triggerId: string;
  readonly version: number;
  readonly eventTypes: readonly string[];
}

/** The event triggers of the tenant's enabled scripts. */
export const eventSubscriptions = async (tx: SqlRunner): Promise<EventSubscription[]> => {
  const { rows } = await tx.query<{ script_id: string; id: string; version: number; event_types: string[] }>(
    `SELECT t.script_id, t.id, s.version, t.event_types FROM scripting_triggers t JOIN scripting_scripts s ON s.id = t.script_id
      WHERE t.kind = 'event' AND s.enabled`,
  );
  return rows.map((r) => ({ scriptId: r.script_id, triggerId: r.id, version: r.version, eventTypes: r.event_types }));
};

/** The trigger of a kind a script has, if any (manual and http runs need one). */
export const hasTrigger = async (tx: SqlRunner, scriptId: string, kind: TriggerKind): Promise<string | undefined> => {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM scripting_triggers WHERE script_id = $1 AND kind = $2 LIMIT 1', [
    scriptId,
    kind,
  ]);
  return rows[0]?.id;
};

/** The script of a cron trigger (whether it is enabled, and its version). */
export const cronScript = async (
  tx: SqlRunner,
  triggerId: string,
): Promise<{ scriptId: string; version: number; enabled: boolean } | undefined> => {
  const { rows } = await tx.query<{ script_id: string; version: number; enabled: boolean }>(
    'SELECT s.id AS script_id, s.version, s.enabled FROM scripting_triggers t JOIN scripting_scripts s ON s.id = t.script_id WHERE t.id = $1',
    [triggerId],
  );
  const r = rows[0];
  return r && { scriptId: r.script_id, version: r.version, enabled: r.enabled };
};

/** An enabled script with a validate trigger for a write, as a hook run needs it. */
export interface ValidateHook {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly compiled: string;
  readonly triggerId: string;
}

/** The tenant's enabled scripts that check a write, by name (the order they run in). */
export const validateHooksOf = async (tx: SqlRunner, write: string): Promise<ValidateHook[]> => {
  const { rows } = await tx.query<{ id: string; name: string; version: number; compiled: string; trigger_id: string }>(
    `SELECT s.id, s.name, s.version, s.compiled, min(t.id::text) AS trigger_id FROM scripting_triggers t
       JOIN scripting_scripts s ON s.id = t.script_id
      WHERE t.kind = 'validate' AND $1 = ANY (t.writes) AND s.enabled
      GROUP BY s.id ORDER BY s.name`,
    [write],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, compiled: r.compiled, triggerId: r.trigger_id }));
};
