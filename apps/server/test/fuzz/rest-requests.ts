import fc from 'fast-check';
import { anyJson, nastyNumber, nastyString, word } from './values.js';

/** Requests generated from the OpenAPI document: every route, with garbage in every place. */

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  required?: string[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

export interface Route {
  readonly method: string;
  readonly path: string;
  readonly query: readonly { name: string; schema: Schema }[];
  readonly body?: Schema;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Which route it was made from (for the report). */
  route: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export const routesOf = (doc: OpenApi): Route[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
  );

const encode = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '?'));
  }
};

const BROKEN_ENCODINGS = ['%E0%A4%A', '%', '%zz', '%00', '%C0%AF', '%2e%2e', '%F0%9F%98', '..'];

/** A path or query value: known ids, random ids, nasty strings, long ones, broken percent-encoding. */
const urlValue = (ids: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...ids).map(encode) },
    { weight: 2, arbitrary: fc.uuid().map(encode) },
    { weight: 3, arbitrary: nastyString.map(encode) },
    { weight: 1, arbitrary: nastyNumber.map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 700 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ENCODINGS) },
  );

const resolve = (doc: OpenApi, schema: Schema): Schema =>
  schema.$ref ? (doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;

/** A plausible value of a string schema: a known id, a uuid, an e-mail, a date, a slug, a short word. */
const plausibleString = (schema: Schema, ids: readonly string[]): fc.Arbitrary<string> => {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (schema.format === 'email') return fc.nat(9999).map((n) => `fuzz${n}@example.com`);
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom('USD', 'EUR', 'XXX');
  return fc.oneof(fc.constantFrom(...ids), word);
};

/**
 * A value of the schema's shape most of the time, so that requests get past validation and reach
 * the handlers, with a nasty leaf or a wrong type now and then.
 */
const valueFor = (doc: OpenApi, raw: Schema, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(doc, raw);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0 && depth < 4) return fc.oneof(...alternatives.map((s) => valueFor(doc, s, ids, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const wrong = fc.oneof(anyJson, nastyString, nastyNumber);
  const mostly = (good: fc.Arbitrary<unknown>, nasty: fc.Arbitrary<unknown> = wrong) =>
    fc.oneof({ weight: 6, arbitrary: good }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: wrong });
  if (schema.enum && schema.enum.length > 0) return mostly(fc.constantFrom(...schema.enum));
  if (type === 'object' && schema.properties && depth < 4) {
    const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, valueFor(doc, s, ids, depth + 1)]));
    const required = (schema.required ?? []).filter((k) => k in props);
    return mostly(fc.oneof(fc.record(props, { requiredKeys: required }), fc.record(props, { requiredKeys: [] })));
  }
  if (type === 'array' && depth < 4)
    return mostly(fc.array(valueFor(doc, schema.items ?? {}, ids, depth + 1), { minLength: 1, maxLength: 3 }));
  if (type === 'integer') return mostly(fc.integer({ min: 0, max: 1000 }), nastyNumber);
  if (type === 'number') return mostly(fc.double({ min: 0, max: 1000, noNaN: true }), nastyNumber);
  if (type === 'boolean') return mostly(fc.boolean());
  if (type === 'string') return mostly(plausibleString(schema, ids), nastyString);
  return wrong;
};

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'image/png',
];

/** A body: shaped by the schema, any JSON, raw JSON text with oversized numbers, garbage, or another media type. */
const bodyFor = (doc: OpenApi, schema: Schema | undefined, ids: readonly string[]): fc.Arbitrary<{ payload?: string; type?: string }> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: (schema ? valueFor(doc, schema, ids) : anyJson).map((v) => ({
        payload: JSON.stringify(v) ?? 'null',
        type: 'application/json',
      })),
    },
    { weight: 2, arbitrary: anyJson.map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{"a":1e400}',
          '{"amount":123456789012345678901234567890}',
          '[',
          '{"a":"\\u0000"}',
          '',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{}}}',
        )
        .map((payload) => ({ payload, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 30 })).map(([type, payload]) => ({ payload, type })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );

const queryFor = (doc: OpenApi, route: Route, ids: readonly string[]): fc.Arbitrary<string> => {
  const known = route.query.map((q) =>
    fc.tuple(
      fc.constant(q.name),
      fc.oneof(
        { weight: 4, arbitrary: valueFor(doc, q.schema, ids).map((v) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
        { weight: 1, arbitrary: urlValue(ids) },
      ),
    ),
  );
  const pair = fc.oneof(...known, ...known, fc.tuple(fc.string({ maxLength: 6 }).map(encode), urlValue(ids)));
  return fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
};

export interface Identity {
  readonly name: string;
  readonly headers: Record<string, string>;
}

/** One arbitrary per route, built once (building them is far slower than drawing from them). */
export const requestArbitrary = (doc: OpenApi, routes: readonly Route[], ids: readonly string[], identities: readonly Identity[]) =>
  fc.oneof(...routes.map((route) => routeRequest(doc, route, ids, identities)));

const routeRequest = (doc: OpenApi, route: Route, ids: readonly string[], identities: readonly Identity[]): fc.Arbitrary<FuzzRequest> => {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return fc
    .record({
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
      ),
      values: fc.tuple(...params.map(() => urlValue(ids)), fc.constant('')),
      query: queryFor(doc, route, ids),
      body: bodyFor(doc, route.body, ids),
      identity: fc.constantFrom(...identities),
    })
    .map(({ method, values, query, body, identity }): FuzzRequest => {
      let path = route.path;
      params.forEach((name, i) => {
        path = path.replace(`{${name}}`, values[i] || 'x');
      });
      const sendsBody = body.payload !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(method);
      return {
        method,
        url: query ? `${path}?${query}` : path,
        headers: { ...identity.headers, ...(sendsBody && body.type ? { 'content-type': body.type } : {}) },
        ...(sendsBody ? { payload: body.payload } : {}),
        route: `${route.method} ${route.path} as ${identity.name}`,
      };
    });
};
