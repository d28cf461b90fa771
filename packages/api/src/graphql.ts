import '@pothos/plugin-scope-auth';
import {
  createGraphQLBuilder,
  type FieldError,
  type GraphQLBuilder,
  type GraphQLContext,
  isAppError,
  type ModuleDefinition,
  type TenantRef,
} from '@rustok/kernel';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import mercurius from 'mercurius';
import { assertRootFieldsProtected, contributeModules, moduleGate, type RootFieldOwners } from './graphql-modules.js';

export interface GraphQLOptions {
  readonly modules: readonly ModuleDefinition[];
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly graphiql: boolean;
  /** Whether a module is enabled for a tenant; fields of a disabled module answer as if absent. */
  readonly moduleEnabled?: (tenant: TenantRef, slug: string) => Promise<boolean>;
  /** Adds request-specific values to the resolver context. */
  readonly extendContext?: (request: FastifyRequest) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const addPlatformTypes = (builder: GraphQLBuilder, modules: readonly ModuleDefinition[]): void => {
  builder.scalarType('DateTime', {
    serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
    parseValue: (value) => new Date(String(value)),
  });
  builder.scalarType('JSON', { serialize: (value) => value, parseValue: (value) => value });
  const ModuleInfo = builder.objectRef<ModuleDefinition>('ModuleInfo').implement({
    description: 'A module built into this deployment',
    fields: (t) => ({
      slug: t.exposeString('slug'),
      name: t.exposeString('name'),
      description: t.exposeString('description'),
      version: t.exposeString('version'),
      kind: t.exposeString('kind'),
      dependencies: t.exposeStringList('dependencies'),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      modules: t.field({
        type: [ModuleInfo],
        description: 'Modules built into this deployment',
        authScopes: { public: true },
        resolve: () => [...modules],
      }),
    }),
  });
};

/**
 * One schema: platform types first, then every module's contribution in dependency order. Root
 * fields must declare authScopes; the owner of each root field is recorded for module switches.
 */
export const buildSchema = (modules: readonly ModuleDefinition[]): { schema: GraphQLSchema; owners: RootFieldOwners } => {
  const builder = createGraphQLBuilder();
  addPlatformTypes(builder, modules);
  const { owners, hasMutations } = contributeModules(builder, modules);
  // GraphQL refuses an empty Mutation type: declare it only when a module adds a mutation.
  if (hasMutations) builder.mutationType({});
  const schema = builder.toSchema({ sortSchema: true });
  assertRootFieldsProtected(schema);
  return { schema, owners };
};

type Execution = { data?: unknown; errors: readonly GraphQLError[]; statusCode?: number };

const DEPTH_MESSAGE = /exceeds the query depth limit/;

const codeOf = (error: GraphQLError): { code: string; message: string; status?: number; fields?: readonly FieldError[] } => {
  const original = error.originalError as (Error & { errors?: GraphQLError[] }) | undefined;
  if (isAppError(original)) {
    const fields = original.errors.length > 0 ? original.errors : undefined;
    return { code: original.code, message: original.message, status: original.status, ...(fields ? { fields } : {}) };
  }
  if (DEPTH_MESSAGE.test(error.message)) return { code: 'GRAPHQL_TOO_DEEP', message: error.message };
  if (original && !(original instanceof GraphQLError) && !original.errors) {
    return { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; it has been logged with the request id' };
  }
  const own = error.extensions?.code;
  return { code: typeof own === 'string' ? own : 'GRAPHQL_VALIDATION_FAILED', message: error.message };
};

/** Every GraphQL error carries `extensions.code`; unexpected errors keep their message out of the answer. */
const errorFormatter = (execution: Execution, ctx: { reply?: FastifyReply; app: FastifyInstance }) => {
  const log = ctx.reply ? ctx.reply.log : ctx.app.log;
  const flat = execution.errors.flatMap((error) => {
    // Mercurius wraps request-level failures (syntax, validation, depth) in an error holding `errors`.
    // An AppError also has an `errors` list (its field errors), so it must not be unwrapped.
    const original = error.originalError as (Error & { errors?: GraphQLError[] }) | undefined;
    const nested = isAppError(original) ? undefined : original?.errors;
    return Array.isArray(nested)
      ? nested.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message))))
      : [error];
  });
  const errors = flat.map((error) => {
    const { code, message, status, fields } = codeOf(error);
    if (code === 'INTERNAL_ERROR') log.error({ err: error.originalError ?? error }, 'graphql resolver failed');
    const formatted = new GraphQLError(message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { ...error.extensions, code, ...(status ? { status } : {}), ...(fields ? { errors: fields } : {}) },
    });
    return formatted.toJSON();
  });
  return { statusCode: execution.data ? 200 : (execution.statusCode ?? 200), response: { data: execution.data ?? null, errors } };
};

/** Thrown like mercurius' own validation errors, so the error formatter answers each nested error. */
const refusal = (error: GraphQLError): Error => Object.assign(new Error(error.message), { errors: [error] });

const operationNameOf = (context: { reply?: FastifyReply }): string | undefined => {
  const request = context.reply?.request;
  const input = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return typeof input?.operationName === 'string' ? input.operationName : undefined;
};

/**
 * Refuses an operation whose complexity exceeds the limit (GRAPHQL_TOO_COMPLEX). It runs before
 * every execution, with the request's variables, rather than as a validation rule: mercurius
 * validates a document once and caches the outcome, but validation has no variables, so a
 * complexity rule there refused every operation with a required variable.
 */
const complexityGuard =
  (maxComplexity: number) =>
  async (schema: GraphQLSchema, document: DocumentNode, context: { reply?: FastifyReply }, variables?: Record<string, unknown>) => {
    let complexity: number;
    try {
      complexity = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        operationName: operationNameOf(context),
        estimators: [simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch (error) {
      throw refusal(error instanceof GraphQLError ? error : new GraphQLError((error as Error).message));
    }
    if (complexity > maxComplexity) {
      const message = `Query complexity ${complexity} exceeds the maximum of ${maxComplexity}`;
      throw refusal(new GraphQLError(message, { extensions: { code: 'GRAPHQL_TOO_COMPLEX' } }));
    }
  };

export const registerGraphQL = async (app: FastifyInstance, options: GraphQLOptions): Promise<void> => {
  const { schema, owners } = buildSchema(options.modules);
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: options.graphiql,
    queryDepth: options.maxDepth,
    jit: 1,
    errorFormatter: errorFormatter as never,
    context: async (request: FastifyRequest): Promise<GraphQLContext> => ({
      requestId: request.id,
      correlationId: request.correlationId,
      tenant: request.tenant,
      principal: request.principal,
      extra: (await options.extendContext?.(request)) ?? {},
    }),
  });
  app.graphql.addHook('preExecution', complexityGuard(options.maxComplexity));
  const moduleEnabled = options.moduleEnabled;
  if (moduleEnabled) {
    const optional = new Set(options.modules.filter((m) => m.kind === 'optional').map((m) => m.slug));
    app.graphql.addHook('preExecution', moduleGate(owners, optional, moduleEnabled) as never);
  }
};
