import type { EventPublisher } from '@rustok/api';
import type { Database } from '@rustok/db';
import type { Outbound } from '@rustok/outbound';
import type { ScriptingOptions } from '../options.js';
import type { RecordedCall } from '../schemas-runs.js';

/** Everything a run's host functions need: whose run it is, the services, and whether it is dry. */
export interface RunScope {
  readonly db: Database;
  readonly events: EventPublisher;
  readonly tenantId: string;
  readonly scriptId: string;
  readonly scriptName: string;
  readonly options: ScriptingOptions;
  readonly outbound: Outbound;
  /** A dry run performs nothing with an effect: writes are recorded, kv writes stay in memory. */
  readonly dry: boolean;
}

/** A custom event a script emitted. */
export interface Emitted {
  readonly name: string;
  readonly data: Record<string, unknown>;
}

/**
 * What a run changed, kept in memory until it ends: kv writes (null: deleted) and events are
 * committed with the execution's record when the run succeeds, and never in a dry run.
 */
export interface Effects {
  readonly kv: Map<string, unknown>;
  readonly emitted: Emitted[];
  readonly recorded: RecordedCall[];
  httpCalls: number;
}

export const newEffects = (): Effects => ({ kv: new Map(), emitted: [], recorded: [], httpCalls: 0 });

const EXCERPT = 500;

/** Notes a host call in the run's report (arguments cut to an excerpt). */
export const noteCall = (effects: Effects, name: string, args: unknown, performed: boolean): void => {
  const text = JSON.stringify(args) ?? 'null';
  effects.recorded.push({ name, args: text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : args, performed });
};

/** An error the script sees as a rejected call, with the platform's code first. */
export const scriptFault = (code: string, message: string): Error => new Error(`${code}: ${message}`);
