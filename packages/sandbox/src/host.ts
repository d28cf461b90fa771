import type { HostFunction, Json } from './types.js';

/** The main thread's answer to a host call: the value's JSON, or why there is none. */
export interface HostAnswer {
  readonly value?: string;
  readonly error?: string;
}

/** Runs the host function `name` with the script's arguments; a throw or a non-JSON value becomes an error for the script. */
export const answerCall = async (host: Readonly<Record<string, HostFunction>>, name: string, argsJson: string): Promise<HostAnswer> => {
  const fn = Object.hasOwn(host, name) ? host[name] : undefined;
  if (!fn) return { error: `No host function "${name}"` };
  try {
    const value = await fn(JSON.parse(argsJson) as Json);
    const json = JSON.stringify(value ?? null);
    return json === undefined ? { error: `Host function "${name}" returned no JSON` } : { value: json };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};
