import type { QuickJSContext, QuickJSDeferredPromise } from 'quickjs-emscripten';

/** Sends one host call to the main thread; the answer comes back through `settle`. */
export type SendCall = (callId: number, name: string, argsJson: string) => void;

/** The host calls of one run: budgeted, answered by the main thread, each settling a promise inside the VM. */
export interface HostCalls {
  start(name: string, argsJson: string, deferred: QuickJSDeferredPromise): void;
  /** Settles a call with the main thread's answer; false when the call is unknown (a late answer). */
  settle(callId: number, value: string | undefined, error: string | undefined): boolean;
  /** Resolves at the next settlement, or after `ms`. */
  next(ms: number): Promise<void>;
  readonly count: number;
  readonly inFlight: number;
  readonly overBudget: boolean;
  /** Drops calls still in flight (the run is over). */
  dispose(): void;
}

const rejectWith = (vm: QuickJSContext, deferred: QuickJSDeferredPromise, message: string): void => {
  vm.newError(message).consume((error) => deferred.reject(error));
};

export const createHostCalls = (vm: QuickJSContext, names: readonly string[], maxCalls: number, send: SendCall): HostCalls => {
  const known = new Set(names);
  const pending = new Map<number, QuickJSDeferredPromise>();
  let count = 0;
  let overBudget = false;
  let wake: (() => void) | undefined;
  return {
    start: (name, argsJson, deferred) => {
      if (!known.has(name)) return rejectWith(vm, deferred, `No host function "${name}"`);
      if (count >= maxCalls) {
        overBudget = true;
        return rejectWith(vm, deferred, `More than ${maxCalls} host calls`);
      }
      count += 1;
      pending.set(count, deferred);
      send(count, name, argsJson);
    },
    settle: (callId, value, error) => {
      const deferred = pending.get(callId);
      if (!deferred) return false;
      pending.delete(callId);
      if (value === undefined) rejectWith(vm, deferred, error ?? 'The host call failed');
      else vm.newString(value).consume((handle) => deferred.resolve(handle));
      deferred.dispose();
      wake?.();
      return true;
    },
    next: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, ms));
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      }),
    get count() {
      return count;
    },
    get inFlight() {
      return pending.size;
    },
    get overBudget() {
      return overBudget;
    },
    dispose: () => {
      for (const deferred of pending.values()) deferred.dispose();
      pending.clear();
    },
  };
};
