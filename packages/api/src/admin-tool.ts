import { defineMcpTool, type McpCallContext, type McpTool } from '@rustok/kernel';
import type { Static, TObject } from '@sinclair/typebox';
import type { ModuleContext } from './module-context.js';
import { mcpContextOf } from './request-module-context.js';

/** What a staff tool does to data: reads, writes (idempotent or not), or destroys (then it needs `confirm: true`). */
export type AdminToolEffect = 'read' | 'write' | 'idempotent' | 'destructive';

const HINTS = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  idempotent: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
} as const;

export interface AdminToolSpec<I extends TObject, O extends TObject> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
  readonly effect: AdminToolEffect;
  readonly permission: string;
  /** The use-case call, with the caller's module context (the same the REST and GraphQL handlers build) and the call's own. */
  readonly run: (ctx: ModuleContext, input: Static<I>, call: McpCallContext) => Promise<Static<O>>;
}

/**
 * A tool of the admin endpoint (`/mcp/admin`) over one use-case: its annotations follow from
 * `effect` (a destructive one is called only with `confirm: true`), its handler gets the caller's
 * module context, so the use-case's permission checks, validation and outbox apply as over REST.
 */
export const adminTool = <I extends TObject, O extends TObject>(spec: AdminToolSpec<I, O>): McpTool =>
  defineMcpTool({
    name: spec.name,
    title: spec.title,
    description: spec.description,
    input: spec.input,
    output: spec.output,
    annotations: HINTS[spec.effect],
    surface: 'admin',
    permission: spec.permission,
    handler: (ctx, input) => spec.run(mcpContextOf(ctx), input, ctx),
  });
