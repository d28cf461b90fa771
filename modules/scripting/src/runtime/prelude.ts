/**
 * The script's `ctx`, built inside the sandbox from the sandbox's own `{ input, log, call }` before
 * the author's code, on the same first line (so the author's line numbers hold). `ctx.call` itself
 * is not reachable: every host call goes through the named, documented functions below.
 */
const PRELUDE = [
  'ctx = (function (c) {',
  "'use strict';",
  'const call = c.call; const d = c.input; const f = Object.freeze;',
  'const str = (v) => String(v);',
  'return f({',
  'input: d.input, event: d.event, tenant: f(d.tenant), log: c.log,',
  "kv: f({ get: (k) => call('kv.get', { key: str(k) }), set: (k, v) => call('kv.set', { key: str(k), value: v === undefined ? null : v }),",
  "  delete: (k) => call('kv.delete', { key: str(k) }) }),",
  "emit: (name, data) => call('emit', { name: str(name), data: data === undefined ? {} : data }),",
  "http: f({ fetch: (url, init) => call('http.fetch', Object.assign({}, init || {}, { url: str(url) })) }),",
  "api: f({ products: f({ get: (id) => call('api.products.get', { id: str(id) }),",
  "  setTags: (id, tags) => call('api.products.setTags', { id: str(id), tags: tags }),",
  "  addTags: (id, tags) => call('api.products.addTags', { id: str(id), tags: tags }) }) }),",
  '}); })(ctx);',
].join(' ');

/** What the sandbox runs: the prelude, then the compiled code, on one first line. */
export const runnableSource = (compiled: string): string => `${PRELUDE}${compiled}`;
