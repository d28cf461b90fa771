import { type McpTool, toFieldErrors } from '@rustok/kernel';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { mcpErrors } from './errors.js';
import { JSON_SCHEMA_2020_12 } from './json-schema.js';

/** A JSON Schema 2020-12 validator (tool arguments, and the meta-schema check of the schemas the tools are listed with). */
export const ajv2020 = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, coerceTypes: false });
const addFormats = addFormatsModule as unknown as (a: Ajv2020) => Ajv2020;
addFormats(ajv2020);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
ajv2020.addFormat('uuid', (value: string) => UUID.test(value) && value !== '00000000-0000-0000-0000-000000000000');
ajv2020.addFormat('currency', (value: string) => /^[A-Z]{3}$/.test(value));

type Check = ReturnType<Ajv2020['compile']>;
const compiled = new WeakMap<McpTool, Check>();

const checkOf = (tool: McpTool): Check => {
  let check = compiled.get(tool);
  if (!check) {
    check = ajv2020.compile({ ...(JSON.parse(JSON.stringify(tool.input)) as object), $schema: JSON_SCHEMA_2020_12 });
    compiled.set(tool, check);
  }
  return check;
};

/**
 * The arguments as the handler gets them: `confirm` taken off (a destructive tool refuses without
 * `confirm: true`), defaults filled in, checked against the tool's input schema (422 with field errors).
 */
export const toolArguments = (tool: McpTool, raw: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> => {
  const { confirm, ...rest } = raw ?? {};
  if (tool.annotations.destructiveHint && confirm !== true) {
    throw mcpErrors.MCP_CONFIRMATION_REQUIRED(`${tool.name} changes data irreversibly: call it again with confirm: true`);
  }
  const args: Record<string, unknown> = tool.annotations.destructiveHint ? rest : { ...(raw ?? {}) };
  const check = checkOf(tool);
  if (!check(args)) {
    const errors = toFieldErrors(check.errors, args);
    throw mcpErrors.MCP_INVALID_ARGUMENTS(`The arguments of ${tool.name} do not match its input schema`, { errors });
  }
  return args;
};
