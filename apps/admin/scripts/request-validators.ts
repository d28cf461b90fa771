import { Ajv } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';

type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
const standaloneCode = ((standaloneCodeModule as unknown as { default?: Standalone }).default ??
  standaloneCodeModule) as unknown as Standalone;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

interface OpenApiOperation {
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: object }> };
}
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, object> };
}

/** The document's shared schemas (recursive ones, such as a field with nested fields), as one schema bodies can refer to. */
const COMPONENTS = 'components';
const componentRefs = (schema: object): object =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/schemas/`)) as object;

const METHODS = ['post', 'put', 'patch'] as const;
/** Writes the admin never sends: a visitor's or customer's own (sign-in, carts, registration). */
const NOT_ADMIN = /^\/api\/v1\/(store\/|auth\/(login|refresh|logout|register|verify-email|password-reset))/;

/** An operation's export name: `POST /api/v1/commerce/tax-rates/{id}` → `post_commerce_tax_rates_id`. */
export const exportNameOf = (method: string, path: string): string =>
  `${method}_${path
    .replace(/^\/api\/v1\//, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/_$/, '')}`;

/** Where the compiled code asks for Ajv's runtime: named imports of the file that re-exports them for the browser. */
const RUNTIME: Record<string, string> = {
  'require("ajv-formats/dist/formats").fullFormats': 'fullFormats',
  'require("ajv/dist/runtime/ucs2length").default': 'ucs2length',
  'require("ajv/dist/runtime/equal").default': 'equal',
};

/**
 * The source of an ES module with one compiled validator per admin write of the REST API (its
 * JSON request body, as the server validates it), for checking a form before it is sent. Compiled
 * ahead of time: the page's script policy allows no eval.
 */
export const requestValidatorsSource = (doc: OpenApiDocument): string => {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false, code: { source: true, esm: true } });
  addFormats(ajv);
  const refs: Record<string, string> = {};
  const operationOf: Record<string, string> = {};
  const shared = doc.components?.schemas ?? {};
  if (Object.keys(shared).length > 0) ajv.addSchema(componentRefs({ schemas: shared }), COMPONENTS);
  for (const [path, operations] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.startsWith('/api/v1/') || NOT_ADMIN.test(path)) continue;
    for (const method of METHODS) {
      const schema = operations[method]?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const name = exportNameOf(method, path);
      ajv.addSchema(componentRefs(schema), name);
      refs[name] = name;
      operationOf[name] = `${method.toUpperCase()} ${path}`;
    }
  }
  let code = standaloneCode(ajv, refs).replace(/^"use strict";/, '');
  const used = Object.entries(RUNTIME).filter(([call]) => code.includes(call));
  for (const [call, name] of used) code = code.replaceAll(call, name);
  const left = code.match(/require\([^)]*\)/);
  if (left) throw new Error(`the compiled validators need ${left[0]}, which the browser runtime does not provide`);
  const imports = used.length > 0 ? `import { ${used.map(([, n]) => n).join(', ')} } from './ajv-runtime.js';\n` : '';
  const header = "// Written by `npm run contracts:validators` from the server's OpenAPI document. Do not edit.\n// @ts-nocheck\n";
  const table = Object.keys(refs)
    .map((name) => `  ${JSON.stringify(operationOf[name])}: ${name},`)
    .join('\n');
  return `${header}${imports}${code}\n\n/** Each operation's validator, by \`METHOD /path/{param}\`. */\nexport const operations = {\n${table}\n};\n`;
};
