import type { Static, TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal, TenantRef } from './access.js';

/**
 * Tools, resources and prompts a module offers to AI assistants over MCP (the Model Context
 * Protocol). The kernel only declares the contract; `@rustok/mcp` serves it per tenant, filtered by
 * the caller's permissions and the tenant's enabled modules.
 */

/** Which endpoint lists a tool: `shop` (`/mcp/shop`: shoppers, anonymous or signed in) or `admin` (`/mcp/admin`: staff). */
export type McpSurface = 'shop' | 'admin';

/** Hints for the assistant's host (MCP tool annotations); the platform enforces `destructiveHint` with `confirm: true`. */
export interface McpToolAnnotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
}

/**
 * What a tool's handler receives: the platform app, the request's tenant and caller. A module turns
 * it into its use-case context with `mcpContextOf` (`@rustok/api`), so the same use-cases, checks
 * and events run as for REST and GraphQL.
 */
export interface McpCallContext {
  readonly app: FastifyInstance;
  readonly tenant: TenantRef;
  readonly principal: Principal | undefined;
  readonly requestId: string;
}

/** What a tool runs: a handler answering its output, or one answering it as JSON text, or both. */
export type McpToolRun<I extends TObject, O extends TObject> =
  | {
      readonly handler: (ctx: McpCallContext, input: Static<I>) => Promise<Static<O>>;
      readonly text?: (ctx: McpCallContext, input: Static<I>) => Promise<string>;
    }
  | {
      readonly handler?: undefined;
      /**
       * The output as JSON text (e.g. a page of stored read-model items joined as they are): the
       * server puts the text into the result as it is, neither parsing nor serialising it again. It
       * must be the JSON of a value of `output`.
       */
      readonly text: (ctx: McpCallContext, input: Static<I>) => Promise<string>;
    };

/** A tool as its module writes it: typed input and output (TypeBox objects), typed handler (or text handler). */
export type McpToolSpec<I extends TObject, O extends TObject> = McpToolFields<I, O> & McpToolRun<I, O>;

interface McpToolFields<I extends TObject, O extends TObject> {
  /** snake_case, unique in the deployment. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
  readonly annotations: McpToolAnnotations;
  readonly surface: McpSurface;
  /** The permission the caller needs to see and call the tool; null: anyone (shop tools only). */
  readonly permission: string | null;
  /** Other modules that must be enabled for the tenant besides the declaring one (e.g. commerce for catalog search). */
  readonly requires?: readonly string[];
}

/** A tool with its types erased, as the registry holds it (its input is validated against `input` before `handler` runs). */
export interface McpTool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: TObject;
  readonly output: TObject;
  readonly annotations: McpToolAnnotations;
  readonly surface: McpSurface;
  readonly permission: string | null;
  readonly requires?: readonly string[];
  /** The output as a value (for a tool declared with `text` only: its text, parsed). */
  readonly handler: (ctx: McpCallContext, input: unknown) => Promise<unknown>;
  /** The output as JSON text, when the tool declares it: what the server answers the call with. */
  readonly text?: (ctx: McpCallContext, input: unknown) => Promise<string>;
}

const handlerOf = <I extends TObject, O extends TObject>(spec: McpToolSpec<I, O>) => {
  const { handler, text } = spec;
  if (handler) return (ctx: McpCallContext, input: unknown) => handler(ctx, input as Static<I>);
  return async (ctx: McpCallContext, input: unknown): Promise<unknown> => JSON.parse(await text(ctx, input as Static<I>));
};

/** Declares a tool: `defineMcpTool({ name: 'get_product', input, output, handler })` (or `text` instead of `handler`). */
export const defineMcpTool = <I extends TObject, O extends TObject>(spec: McpToolSpec<I, O>): McpTool => {
  const { handler, text, ...fields } = spec;
  return Object.freeze({
    ...fields,
    handler: handlerOf(spec),
    ...(text ? { text: (ctx: McpCallContext, input: unknown) => text(ctx, input as Static<I>) } : {}),
  });
};

/**
 * A readable document (MCP resource) a module offers. `uri` is fixed (`rustok://events/catalogue`,
 * listed by `resources/list`) or a template with `{name}` parts (`rustok://orders/{orderId}`,
 * listed by `resources/templates/list`); `read` gets the parts of the URI read. It runs the module's
 * use-cases as a tool's handler does, so a missing object (or another tenant's) is their not-found.
 */
export interface McpResource {
  readonly uri: string;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly mimeType: string;
  readonly surface: McpSurface;
  /** The permission the caller needs to see and read it; null: anyone the endpoint serves. */
  readonly permission: string | null;
  readonly requires?: readonly string[];
  readonly read: (ctx: McpCallContext, params: Readonly<Record<string, string>>) => Promise<string>;
}

/** One argument of a prompt (its values are strings, as MCP passes them). */
export interface McpPromptArgument {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
}

/**
 * A prompt template (MCP prompt) a module offers: `render` writes the user message from the
 * arguments, and may read what the caller may read (a product's fields) with the module's use-cases.
 */
export interface McpPrompt {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly surface: McpSurface;
  readonly permission: string | null;
  readonly requires?: readonly string[];
  readonly arguments: readonly McpPromptArgument[];
  readonly render: (ctx: McpCallContext, args: Readonly<Record<string, string>>) => Promise<string>;
}

/** A module's `mcp` entry in `defineModule`. */
export interface ModuleMcp {
  readonly tools: readonly McpTool[];
  readonly resources?: readonly McpResource[];
  readonly prompts?: readonly McpPrompt[];
}
