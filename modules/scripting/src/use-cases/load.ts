import type { SqlRunner } from '@rustok/kernel';
import { scriptingErrors } from '../errors.js';
import type { Script } from '../schemas.js';
import { type ScriptRow, scriptOf, selectScript } from '../store/scripts.js';
import { triggersOf } from '../store/triggers.js';

/** The tenant's script, or 404 (another tenant's script is not found either: row-level security). */
export const scriptRow = async (tx: SqlRunner, id: string, lock = false): Promise<ScriptRow> => {
  const row = await selectScript(tx, id, lock);
  if (!row) throw scriptingErrors.SCRIPTING_SCRIPT_NOT_FOUND(`No script ${id}`);
  return row;
};

/** A script with its triggers, as the API shows it. */
export const scriptView = async (tx: SqlRunner, row: ScriptRow): Promise<Script> =>
  scriptOf(row, (await triggersOf(tx, [row.id])).get(row.id) ?? []);
