import type { ModuleActor, ModuleContext } from '@rustok/api';
import { readCatalogProduct, setCatalogProductTags } from '@rustok/commerce/contracts';
import { isAppError } from '@rustok/kernel';
import type { HostFunction, Json } from '@rustok/sandbox';
import { scriptPermissions } from '../settings.js';
import { type Effects, noteCall, type RunScope, scriptFault } from './effects.js';

/**
 * The script's service role: what `ctx.api` may do is what the tenant grants it (`scriptPermissions`,
 * read once per run, on its first call). Every call goes through the owning module's use-case, so
 * its permission check, validation and events apply as for a person.
 */
const serviceRole = (scope: RunScope): (() => Promise<ModuleActor>) => {
  let actor: Promise<ModuleActor> | undefined;
  return () => {
    actor ??= scope.db
      .transaction((tx) => scriptPermissions(tx), { tenantId: scope.tenantId })
      .then((granted): ModuleActor => ({ userId: null, can: (permission) => granted.includes(permission) }));
    return actor;
  };
};

const EMIT_NAME = /^[a-z][a-z0-9_-]{0,40}(\.[a-z][a-z0-9_-]{0,40}){0,3}$/;
const MAX_EMITS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;
const field = (args: Json, name: string): unknown =>
  args !== null && typeof args === 'object' ? (args as Record<string, unknown>)[name] : undefined;
const tagsOf = (args: Json): string[] => {
  const tags = field(args, 'tags');
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string'))
    throw scriptFault('SCRIPTING_HOST_ARGS', 'tags must be an array of strings');
  return tags as string[];
};

/** A use-case's coded error as the script's rejection. */
const viaUseCase = async <T>(fn: () => Promise<T>): Promise<Json> => {
  try {
    return asJson(await fn());
  } catch (error) {
    if (isAppError(error)) throw scriptFault(error.code, error.message);
    throw error;
  }
};

/** `ctx.emit(suffix, data)`: a custom event `script.<name>.<suffix>`, published when the run is recorded (never in a dry run). */
export const emitHost = (scope: RunScope, effects: Effects): Record<string, HostFunction> => ({
  emit: (args) => {
    const suffix = field(args, 'name');
    const data = field(args, 'data');
    if (typeof suffix !== 'string' || !EMIT_NAME.test(suffix))
      throw scriptFault('SCRIPTING_HOST_ARGS', 'An event name is lower-case words joined by dots');
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw scriptFault('SCRIPTING_HOST_ARGS', 'Event data is a JSON object');
    if (effects.emitted.length >= MAX_EMITS) throw scriptFault('SCRIPTING_CALL_BUDGET', `A run emits at most ${MAX_EMITS} events`);
    const name = `script.${scope.scriptName}.${suffix}`;
    effects.emitted.push({ name, data: data as Record<string, unknown> });
    noteCall(effects, 'emit', { name, data }, false);
    return null;
  },
});

/** `ctx.api.products.*`: commerce's contract, as the script's service role; writes are only recorded in a dry run. */
export const apiHost = (scope: RunScope, effects: Effects): Record<string, HostFunction> => {
  const role = serviceRole(scope);
  const ctxOf = async (): Promise<ModuleContext> => ({ db: scope.db, events: scope.events, tenantId: scope.tenantId, actor: await role() });
  const write = async (name: string, args: Json, fn: (ctx: ModuleContext) => Promise<unknown>): Promise<Json> => {
    noteCall(effects, name, args, !scope.dry);
    if (scope.dry) return { dryRun: true };
    const ctx = await ctxOf();
    return viaUseCase(() => fn(ctx));
  };
  const idOf = (args: Json): string => String(field(args, 'id') ?? '');
  return {
    'api.products.get': async (args) => {
      const ctx = await ctxOf();
      return viaUseCase(() => readCatalogProduct(ctx, idOf(args)));
    },
    'api.products.setTags': (args) => write('api.products.setTags', args, (ctx) => setCatalogProductTags(ctx, idOf(args), tagsOf(args))),
    'api.products.addTags': (args) =>
      write('api.products.addTags', args, async (ctx) => {
        const product = await readCatalogProduct(ctx, idOf(args));
        return setCatalogProductTags(ctx, idOf(args), [...product.tags, ...tagsOf(args)]);
      }),
  };
};

/** `ctx.http.fetch(url, { method, headers, body })`: through the SSRF guard and allowlist, counted per run; recorded only in a dry run. */
export const httpHost = (scope: RunScope, effects: Effects): Record<string, HostFunction> => ({
  'http.fetch': async (args): Promise<Json> => {
    const url = String(field(args, 'url') ?? '');
    const method = String(field(args, 'method') ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw scriptFault('SCRIPTING_HOST_ARGS', `Method ${method} is not allowed`);
    effects.httpCalls++;
    if (effects.httpCalls > scope.options.limits.max_http_calls) {
      throw scriptFault('SCRIPTING_CALL_BUDGET', `A run makes at most ${scope.options.limits.max_http_calls} requests`);
    }
    const headers = (field(args, 'headers') ?? {}) as Record<string, string>;
    const body = field(args, 'body');
    noteCall(effects, 'http.fetch', { url, method }, !scope.dry);
    if (scope.dry) return { ok: false, status: 0, dryRun: true, body: '' } satisfies Json;
    const result = await scope.outbound.send({
      url,
      method: method as 'GET',
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
      ...(body === undefined || body === null ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      timeoutMs: scope.options.limits.http_timeout_ms,
    });
    if (!result.ok) throw scriptFault('SCRIPTING_HTTP_REFUSED', `${result.reason}: ${result.detail}`);
    const answer: Json = { ok: result.status < 400, status: result.status, body: result.body, truncated: result.truncated };
    return answer;
  },
});
