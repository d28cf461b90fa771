import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten';

/**
 * Built inside each fresh context before the script: `console` on the global and the frozen `ctx`
 * the script receives. It closes over the two natives, so the script reaches the host only through
 * `ctx.call` and `console`, and only with JSON strings.
 */
const PRELUDE = `(function (natives, inputJson) {
  'use strict';
  const text = (v) => {
    if (typeof v === 'string') return v;
    try { const s = JSON.stringify(v); return s === undefined ? String(v) : s; } catch { return String(v); }
  };
  const writer = (level) => (...args) => { natives.log(level, args.map(text).join(' ')); };
  globalThis.console = Object.freeze({ log: writer('log'), info: writer('info'), warn: writer('warn'), error: writer('error') });
  const { parse, stringify } = JSON;
  const call = async (name, args) => parse(await natives.call(String(name), stringify(args === undefined ? null : args)));
  return { ctx: Object.freeze({ input: parse(inputJson), log: writer('log'), call }), stringify };
})`;

/** What the natives do on the worker's side. */
export interface BridgeHandlers {
  log(level: string, text: string): void;
  /** Starts a host call whose settlement will resolve or reject `deferred`. */
  call(name: string, argsJson: string, deferred: QuickJSDeferredPromise): void;
}

const installNatives = (vm: QuickJSContext, handlers: BridgeHandlers): QuickJSHandle => {
  const natives = vm.newObject();
  vm.newFunction('log', (level, text) => {
    handlers.log(vm.getString(level), vm.getString(text));
  }).consume((fn) => vm.setProp(natives, 'log', fn));
  vm.newFunction('call', (name, args) => {
    const deferred = vm.newPromise();
    handlers.call(vm.getString(name), vm.getString(args), deferred);
    return deferred.handle;
  }).consume((fn) => vm.setProp(natives, 'call', fn));
  return natives;
};

/** The `ctx` handle for the script and the VM's own `JSON.stringify`, taken before the script can replace it. */
export interface ScriptContext {
  readonly ctx: QuickJSHandle;
  readonly stringify: QuickJSHandle;
}

/** Sets up `console` and returns the script's `ctx` (the caller disposes both handles). */
export const createScriptContext = (vm: QuickJSContext, inputJson: string, handlers: BridgeHandlers): ScriptContext => {
  const prelude = vm.unwrapResult(vm.evalCode(PRELUDE, 'prelude.js'));
  const natives = installNatives(vm, handlers);
  const input = vm.newString(inputJson);
  try {
    return vm.unwrapResult(vm.callFunction(prelude, vm.undefined, natives, input)).consume((made) => ({
      ctx: vm.getProp(made, 'ctx'),
      stringify: vm.getProp(made, 'stringify'),
    }));
  } finally {
    input.dispose();
    natives.dispose();
    prelude.dispose();
  }
};

/** The script as the body of an async function of `ctx`, on the same first line so line numbers match. */
export const wrapScript = (source: string): string => `(async function (ctx) {${source}\n})`;
