import '@pothos/plugin-scope-auth';
import {
  type AppError,
  createGraphQLBuilder,
  errorCodeOf,
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
import type { Registry } from 'prom-client';
import { createComplexityMemo } from './complexity-memo.js';
import { databaseAppError } from './db-errors.js';
import { assertRootFieldsProtected, contributeModules, moduleGate, type RootFieldOwners } from './graphql-modules.js';
import { badRequest, graphqlRequestGuard, mercuriusRequestError, REQUEST_LEVEL_CODES } from './graphql-requests.js';
import { storedTextAnswers } from './graphql-stored-text.js';
import { registeredCounter } from './metrics.js';
import { type PersistedQueryOptions, persistedQueries } from './persisted-queries.js';

export interface GraphQLOptions {
  readonly modules: readonly ModuleDefinition[];
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly graphiql: boolean;
  /** Whether a module is enabled for a tenant; fields of a disabled module answer as if absent. */
  readonly moduleEnabled?: (tenant: TenantRef, slug: string) => Promise<boolean>;
  /** Adds request-specific values to the resolver context. */
  readonly extendContext?: (request: FastifyRequest) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Automatic persisted queries (the default), an allowlist, or none. */
  readonly persistedQueries?: PersistedQueryOptions;
  /** Answer plain queries of fields with a JSON-text resolver from that text (default on); see graphql-stored-text.ts. */
  readonly storedText?: boolean;
  /** Where `rustok_graphql_stored_text_answers_total` is counted. */
  readonly metricsRegistry?: Registry;
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

/** By tag rather than `instanceof`: mercurius and this package may load different copies of graphql (CJS and ESM). */
const isGraphQLError = (value: unknown): boolean => Object.prototype.toString.call(value) === '[object GraphQLError]';

/**
 * The coded error behind a GraphQL error: an AppError, a PostgreSQL error that input can cause,
 * or a request-level error of mercurius or Fastify (persisted queries, GET mutations, a body that
 * is not JSON); undefined for a GraphQL syntax or validation error and for unexpected errors.
 */
const appErrorOf = (original: unknown): AppError | undefined => {
  if (isAppError(original)) return original;
  const known = databaseAppError(original) ?? mercuriusRequestError(original);
  if (known) return known;
  const e = original as { code?: unknown; statusCode?: unknown; errors?: unknown } | undefined;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 0;
  // Fastify's own 4xx (a body that is not JSON, a media type) and mercurius' unwrapped ones (bad JSON in a GET).
  const fromFramework =
    typeof e?.code === 'string' && !Array.isArray(e.errors) && (e.code.startsWith('FST_') || e.code === 'MER_ERR_GQL_VALIDATION');
  return fromFramework && status >= 400 && status < 500 ? badRequest((original as Error).message, status) : undefined;
};

type Coded = { code: string; message: string; status?: number; fields?: readonly FieldError[] };

const codeOf = (error: GraphQLError): Coded => {
  const original = error.originalError as (Error & { errors?: GraphQLError[] }) | undefined;
  const coded = appErrorOf(original);
  if (coded) {
    const fields = coded.errors.length > 0 ? coded.errors : undefined;
    return { code: coded.code, message: coded.message, status: coded.status, ...(fields ? { fields } : {}) };
  }
  if (DEPTH_MESSAGE.test(error.message)) return { code: 'GRAPHQL_TOO_DEEP', message: error.message };
  if (original && !isGraphQLError(original) && !original.errors) {
    return { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; it has been logged with the request id' };
  }
  const own = error.extensions?.code;
  return { code: typeof own === 'string' ? own : 'GRAPHQL_VALIDATION_FAILED', message: error.message };
};

/** Mercurius wraps request-level failures (syntax, validation, depth) in an error holding `errors`. */
const flatten = (error: GraphQLError): GraphQLError[] => {
  const original = error.originalError as (Error & { errors?: unknown[] }) | undefined;
  // A coded request error (an AppError, a persisted-query error) stands for itself: an AppError also
  // has an `errors` list (its field errors), so it must not be unwrapped.
  if (appErrorOf(original)) return [error];
  const nested = original?.errors;
  if (!Array.isArray(nested)) return [error];
  // Not GraphQL errors (e.g. the route's body schema): the request itself is malformed.
  return nested.map((e) => {
    if (isGraphQLError(e)) return e as GraphQLError;
    const message = String((e as Error).message);
    if (errorCodeOf(e) === 'MER_ERR_GQL_QUERY_DEPTH') return new GraphQLError(message);
    return new GraphQLError(message, { originalError: badRequest(message) });
  });
};

/** Every GraphQL error carries `extensions.code`; unexpected errors keep their message out of the answer. */
const errorFormatter = (execution: Execution, ctx: { reply?: FastifyReply; app: FastifyInstance }) => {
  const log = ctx.reply ? ctx.reply.log : ctx.app.log;
  let requestStatus: number | undefined;
  const errors = execution.errors.flatMap(flatten).map((error) => {
    const { code, message, status, fields } = codeOf(error);
    if (code === 'INTERNAL_ERROR') log.error({ err: error.originalError ?? error }, 'graphql resolver failed');
    if (REQUEST_LEVEL_CODES.has(code)) requestStatus ??= status;
    const formatted = new GraphQLError(message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { ...error.extensions, code, ...(status ? { status } : {}), ...(fields ? { errors: fields } : {}) },
    });
    return formatted.toJSON();
  });
  const statusCode = execution.data ? 200 : (requestStatus ?? execution.statusCode ?? 200);
  return { statusCode, response: { data: execution.data ?? null, errors } };
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
const complexityGuard = (maxComplexity: number) => {
  const known = createComplexityMemo();
  return async (schema: GraphQLSchema, document: DocumentNode, context: { reply?: FastifyReply }, variables?: Record<string, unknown>) => {
    const operationName = operationNameOf(context);
    let complexity = known.get(document, operationName, variables);
    if (complexity === undefined) {
      try {
        complexity = getComplexity({
          schema,
          query: document,
          variables: variables ?? {},
          operationName,
          estimators: [simpleEstimator({ defaultComplexity: 1 })],
        });
      } catch (error) {
        throw refusal(error instanceof GraphQLError ? error : new GraphQLError((error as Error).message));
      }
      known.set(document, operationName, variables, complexity);
    }
    if (complexity > maxComplexity) {
      const message = `Query complexity ${complexity} exceeds the maximum of ${maxComplexity}`;
      throw refusal(new GraphQLError(message, { extensions: { code: 'GRAPHQL_TOO_COMPLEX' } }));
    }
  };
};

const storedTextCounter = (registry: Registry | undefined): ((spliced: boolean) => void) | undefined => {
  if (!registry) return undefined;
  const answers = registeredCounter(
    registry,
    'rustok_graphql_stored_text_answers_total',
    'GraphQL queries answered from stored JSON text without the executor',
  );
  const spliced = registeredCounter(
    registry,
    'rustok_graphql_stored_text_spliced_total',
    'Of those, the answers whose text went out as it is (the query selected the shape the text declares)',
  );
  return (asIs) => {
    answers.inc();
    if (asIs) spliced.inc();
  };
};

export const registerGraphQL = async (app: FastifyInstance, options: GraphQLOptions): Promise<void> => {
  const { schema, owners } = buildSchema(options.modules);
  const persisted = persistedQueries(options.persistedQueries ?? { mode: 'apq' });
  const optional = new Set(options.modules.filter((m) => m.kind === 'optional').map((m) => m.slug));
  const contextOf = async (request: FastifyRequest): Promise<GraphQLContext> => ({
    requestId: request.id,
    correlationId: request.correlationId,
    tenant: request.tenant,
    principal: request.principal,
    extra: (await options.extendContext?.(request)) ?? {},
  });
  const storedText =
    options.storedText === false
      ? undefined
      : storedTextAnswers({
          schema,
          owners,
          optionalModules: optional,
          moduleEnabled: options.moduleEnabled,
          maxDepth: options.maxDepth,
          maxComplexity: options.maxComplexity,
          // What mercurius gives every resolver besides the platform's context: the app and the reply.
          contextOf: async (request, reply) => ({ ...(await contextOf(request)), app: request.server, reply }) as GraphQLContext,
          onAnswered: storedTextCounter(options.metricsRegistry),
        });
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: options.graphiql,
    queryDepth: options.maxDepth,
    jit: 1,
    errorFormatter: errorFormatter as never,
    persistedQueryProvider: persisted.provider,
    additionalRouteOptions: {
      preValidation: graphqlRequestGuard({ mode: options.persistedQueries?.mode ?? 'apq', allowlist: persisted.allowlist }),
      ...(storedText ? { preHandler: storedText } : {}),
    },
    context: contextOf,
  });
  app.graphql.addHook('preExecution', complexityGuard(options.maxComplexity));
  const moduleEnabled = options.moduleEnabled;
  if (moduleEnabled) {
    app.graphql.addHook('preExecution', moduleGate(owners, optional, moduleEnabled) as never);
  }
};
