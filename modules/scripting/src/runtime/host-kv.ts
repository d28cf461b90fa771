import type { Tx } from '@rustok/db';
import type { HostFunction, Json } from '@rustok/sandbox';
import { kvKeys, kvRead } from '../store/kv.js';
import { type Effects, noteCall, type RunScope, scriptFault } from './effects.js';

const keyOf = (args: Json): string => {
  const key = (args as { key?: unknown } | null)?.key;
  if (typeof key !== 'string' || key.length === 0 || key.length > 200)
    throw scriptFault('SCRIPTING_HOST_ARGS', 'A key is 1-200 characters');
  return key;
};

const inTenant = <T>(scope: RunScope, fn: (tx: Tx) => Promise<T>): Promise<T> => scope.db.transaction(fn, { tenantId: scope.tenantId });

/** Keys the store would hold with this run's changes and `key` set. */
const keysAfter = async (scope: RunScope, effects: Effects, key: string): Promise<number> => {
  const touched = [...new Set([...effects.kv.keys(), key])];
  const { count, present } = await inTenant(scope, (tx) => kvKeys(tx, scope.scriptId, touched));
  let total = count;
  for (const k of touched) {
    const value = k === key ? true : effects.kv.get(k);
    if (value === null && present.has(k)) total--;
    else if (value !== null && !present.has(k)) total++;
  }
  return total;
};

/** `ctx.kv.get/set/delete`: reads see the run's own writes first; writes stay in memory until the run is recorded. */
export const kvHost = (scope: RunScope, effects: Effects): Record<string, HostFunction> => ({
  'kv.get': async (args) => {
    const key = keyOf(args);
    if (effects.kv.has(key)) return effects.kv.get(key) as Json;
    return (await inTenant(scope, (tx) => kvRead(tx, scope.scriptId, key))) as Json;
  },
  'kv.set': async (args) => {
    const key = keyOf(args);
    const value = (args as { value?: Json }).value ?? null;
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > scope.options.kv_max_value_bytes) {
      throw scriptFault('SCRIPTING_KV_QUOTA', `A value is at most ${scope.options.kv_max_value_bytes} bytes of JSON (got ${bytes})`);
    }
    if (value !== null && (await keysAfter(scope, effects, key)) > scope.options.kv_max_keys) {
      throw scriptFault('SCRIPTING_KV_QUOTA', `A script stores at most ${scope.options.kv_max_keys} keys`);
    }
    effects.kv.set(key, value);
    noteCall(effects, 'kv.set', { key, value }, false);
    return null;
  },
  'kv.delete': (args) => {
    const key = keyOf(args);
    effects.kv.set(key, null);
    noteCall(effects, 'kv.delete', { key }, false);
    return null;
  },
});
