import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

interface Member {
  readonly label: string;
  readonly type: 'property' | 'method' | 'namespace';
  /** Its signature or shape, as the module's README documents it. */
  readonly detail: string;
}

const property = (label: string, detail: string): Member => ({ label, type: 'property', detail });
const method = (label: string, detail: string): Member => ({ label, type: 'method', detail });
const namespace = (label: string, detail: string): Member => ({ label, type: 'namespace', detail });

/** The host API a script sees (`ctx` and its documented members), by the path that leads to them. */
export const HOST_API: Readonly<Record<string, readonly Member[]>> = {
  ctx: [
    property('input', 'the run’s input, or null'),
    property('event', '{ id, type, schemaVersion, occurredAt, actorId, payload } | null'),
    property('tenant', '{ id }'),
    method('log', '(...values)'),
    namespace('kv', 'get, set, delete'),
    method('emit', '(name, data)'),
    namespace('http', 'fetch'),
    namespace('api', 'products'),
  ],
  'ctx.event': [
    property('id', 'string'),
    property('type', 'string'),
    property('schemaVersion', 'number'),
    property('occurredAt', 'string'),
    property('actorId', 'string | null'),
    property('payload', 'object'),
  ],
  'ctx.tenant': [property('id', 'string')],
  'ctx.kv': [method('get', '(key) → value'), method('set', '(key, value)'), method('delete', '(key)')],
  'ctx.http': [method('fetch', '(url, { method, headers, body }) → { ok, status, body, truncated }')],
  'ctx.api': [namespace('products', 'get, setTags, addTags')],
  'ctx.api.products': [method('get', '(id) → product'), method('setTags', '(id, tags)'), method('addTags', '(id, tags)')],
};

/** Completes the member being typed after `ctx.` (and after `ctx.kv.`, `ctx.api.products.` …) from the host API. */
export const hostApiCompletions = (context: CompletionContext): CompletionResult | null => {
  const typed = context.matchBefore(/\bctx(?:\.[A-Za-z_$][\w$]*)*\.[\w$]*$/);
  if (!typed) return null;
  const dot = typed.text.lastIndexOf('.');
  const members = HOST_API[typed.text.slice(0, dot)];
  if (!members) return null;
  return {
    from: typed.from + dot + 1,
    options: members.map((m) => ({ label: m.label, type: m.type, detail: m.detail })),
    validFor: /^[\w$]*$/,
  };
};
