import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export type VariablesCheck = { readonly ok: true } | { readonly ok: false; readonly code: 'variables'; readonly message: string };

/** Whether `variables` satisfy a template's schema; the first problem as a value (`/order/total: Expected integer`). */
export function checkVariables(schema: TSchema, variables: unknown): VariablesCheck {
  const first = Value.Errors(schema, variables).First();
  if (!first) return { ok: true };
  return { ok: false, code: 'variables', message: `${first.path || '/'}: ${first.message}` };
}
