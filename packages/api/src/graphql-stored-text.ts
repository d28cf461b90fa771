import { type GraphQLContext, type JsonTextField, jsonTextOf, type TenantRef } from '@rustok/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionSetNode,
  validate,
} from 'graphql';
import type { RootFieldOwners } from './graphql-modules.js';
import { compileProjector, type Projector, selectionSize } from './graphql-projection.js';

/**
 * Stored-text answers: a query of one root field that declares a JSON-text resolver (`jsonTextField`),
 * with a plain selection below it, is answered from that text, projected to the selection, without
 * running the executor (no resolver per field, no result tree to build and serialise). Everything
 * the executor would check is checked when the query is first seen (validation, depth, complexity,
 * the field's public scope) and per request (variables, arguments, the module switch); anything
 * else, and any error on the way, leaves the request to the executor, so answers and errors are
 * the executor's own. When the field declares the shape of its text for the arguments given and
 * the query selects exactly that shape, the text goes out as it is (spliced, not even parsed).
 */
export interface StoredTextOptions {
  readonly schema: GraphQLSchema;
  readonly owners: RootFieldOwners;
  readonly optionalModules: ReadonlySet<string>;
  readonly moduleEnabled?: (tenant: TenantRef, slug: string) => Promise<boolean>;
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly contextOf: (request: FastifyRequest, reply: FastifyReply) => Promise<GraphQLContext>;
  /** Query documents whose plan is kept (past it the plans start over). */
  readonly maxPlans?: number;
  /** Longer query texts are left to the executor (and not kept): storefront queries are short. */
  readonly maxQueryLength?: number;
  /** Counts the requests answered this way (`spliced`: the text went out as it is). */
  readonly onAnswered?: (spliced: boolean) => void;
}

interface Plan {
  readonly operation: OperationDefinitionNode;
  readonly node: FieldNode;
  readonly field: GraphQLField<unknown, unknown>;
  readonly key: string;
  readonly owner: string | undefined;
  readonly text: JsonTextField;
  readonly project: Projector;
  /** The selection in its canonical form (see canonicalOf), compared with the text's declared shape. */
  readonly selection: string;
}

const onlyPublic = (field: GraphQLField<unknown, unknown>): boolean => {
  const scopes = (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
  return (
    typeof scopes === 'object' &&
    scopes !== null &&
    Object.keys(scopes).join() === 'public' &&
    (scopes as { public?: unknown }).public === true
  );
};

/** The one query operation of a document of nothing else, with one undirected root field. */
const singleField = (text: string, operationName: string | undefined) => {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(text);
  } catch {
    return undefined;
  }
  const [operation, ...others] = document.definitions;
  if (others.length > 0 || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return undefined;
  if (operationName !== undefined && operation.name?.value !== operationName) return undefined;
  const [node, ...more] = operation.selectionSet.selections;
  if (more.length > 0 || node?.kind !== Kind.FIELD || operation.directives?.length || node.directives?.length) return undefined;
  return { document, operation, node };
};

/** A selection set printed on one line: two selections are the same (fields, aliases, order) when these are equal. */
const canonicalOf = (selectionSet: SelectionSetNode | undefined): string => (selectionSet ? print(selectionSet).replace(/\s+/g, ' ') : '');

/** Declared shapes (selection-set texts) in canonical form; a shape that does not parse is never matched. */
const shapes = new Map<string, string | null>();
const canonicalShape = (shape: string): string | null => {
  let canonical = shapes.get(shape);
  if (canonical === undefined) {
    const found = singleField(`{ x ${shape} }`, undefined);
    canonical = found ? canonicalOf(found.node.selectionSet) : null;
    if (shapes.size < 1_000) shapes.set(shape, canonical);
  }
  return canonical;
};

const planOf = (options: StoredTextOptions, text: string, operationName: string | undefined): Plan | undefined => {
  const found = singleField(text, operationName);
  if (!found) return undefined;
  const { document, operation, node } = found;
  const field = options.schema.getQueryType()?.getFields()[node.name.value];
  const declared = field && jsonTextOf(field.extensions);
  if (!field || !declared || !onlyPublic(field)) return undefined;
  const size = selectionSize(operation.selectionSet);
  if (size.depth >= options.maxDepth || size.fields > options.maxComplexity) return undefined;
  if (validate(options.schema, document).length > 0) return undefined;
  const project = compileProjector(field.type, node.selectionSet);
  if (!project) return undefined;
  const key = node.alias?.value ?? node.name.value;
  const owner = options.owners.get(`Query.${node.name.value}`);
  return { operation, node, field, key, owner, text: declared, project, selection: canonicalOf(node.selectionSet) };
};

interface Input {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

/** The query, operation name and variables of a request the guard let through; none with extensions (persisted queries). */
const inputOf = (request: FastifyRequest): Input | undefined => {
  const raw = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
  if (!raw || typeof raw.query !== 'string' || (raw.extensions !== undefined && raw.extensions !== null)) return undefined;
  let variables = raw.variables ?? undefined;
  if (typeof variables === 'string') {
    try {
      variables = variables === '' ? undefined : JSON.parse(variables);
    } catch {
      return undefined;
    }
  }
  const operationName = typeof raw.operationName === 'string' ? raw.operationName : undefined;
  return { query: raw.query, operationName, variables: variables as Record<string, unknown> | undefined };
};

/** The field's arguments as the executor would coerce them; undefined when it would refuse them. */
const argumentsOf = (options: StoredTextOptions, plan: Plan, input: Input): Record<string, unknown> | undefined => {
  const coerced = getVariableValues(options.schema, plan.operation.variableDefinitions ?? [], input.variables ?? {});
  if (coerced.errors) return undefined;
  try {
    return getArgumentValues(plan.field, plan.node, coerced.coerced);
  } catch {
    return undefined;
  }
};

const answer = async (options: StoredTextOptions, plan: Plan, input: Input, request: FastifyRequest, reply: FastifyReply) => {
  const args = argumentsOf(options, plan, input);
  if (!args) return undefined;
  const tenant = request.tenant;
  if (plan.owner && options.optionalModules.has(plan.owner)) {
    if (!tenant || !options.moduleEnabled || !(await options.moduleEnabled(tenant, plan.owner))) return undefined;
  }
  try {
    const text = await plan.text.resolve(args, await options.contextOf(request, reply));
    const shape = plan.text.shape?.(args);
    if (shape !== undefined && canonicalShape(shape) === plan.selection)
      return { body: `{"data":{${JSON.stringify(plan.key)}:${text}}}`, spliced: true };
    return { body: `{"data":${JSON.stringify({ [plan.key]: plan.project(JSON.parse(text)) })}}`, spliced: false };
  } catch {
    return undefined; // the executor runs it again and answers the error its own way
  }
};

/** A preHandler for the GraphQL route: answers what it can from stored text, and leaves the rest to the executor. */
export const storedTextAnswers = (options: StoredTextOptions) => {
  const maxPlans = options.maxPlans ?? 500;
  const maxQueryLength = options.maxQueryLength ?? 4_096;
  let plans = new Map<string, Plan | null>();
  const planFor = (input: Input): Plan | undefined => {
    if (input.query.length > maxQueryLength) return undefined;
    const key = input.operationName === undefined ? input.query : `${input.operationName}\u0000${input.query}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = planOf(options, input.query, input.operationName) ?? null;
      if (plans.size >= maxPlans) plans = new Map();
      plans.set(key, plan);
    }
    return plan ?? undefined;
  };
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const input = inputOf(request);
    const plan = input && planFor(input);
    if (!input || !plan) return undefined;
    const answered = await answer(options, plan, input, request, reply);
    if (answered === undefined) return undefined;
    options.onAnswered?.(answered.spliced);
    return reply.type('application/json; charset=utf-8').send(answered.body);
  };
};
