import { type GraphQLBuilder, type GraphQLContext, kernelErrors, type ModuleDefinition, type TenantRef } from '@rustok/kernel';
import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { apiErrors } from './errors.js';

/** `Query.<field>` / `Mutation.<field>` → the slug of the module that declared it. */
export type RootFieldOwners = ReadonlyMap<string, string>;

type FieldsFn = (t: never) => Record<string, unknown>;

/**
 * Lets each module add its GraphQL fields and records which root fields each one declared, by
 * watching the builder's root-field methods while the module's contribution runs.
 */
export const contributeModules = (
  builder: GraphQLBuilder,
  modules: readonly ModuleDefinition[],
): { owners: RootFieldOwners; hasMutations: boolean } => {
  const owners = new Map<string, string>();
  let hasMutations = false;
  const b = builder as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods = [
    ['queryField', 'Query', false],
    ['mutationField', 'Mutation', false],
    ['queryFields', 'Query', true],
    ['mutationFields', 'Mutation', true],
  ] as const;
  const originals = methods.map(([name]) => [name, b[name]?.bind(builder)] as const);
  for (const mod of modules) {
    if (!mod.graphql) continue;
    for (const [name, type, plural] of methods) {
      const original = originals.find(([n]) => n === name)?.[1];
      if (!original) continue;
      const mutation = type === 'Mutation';
      b[name] = plural
        ? (fn: unknown) => {
            hasMutations ||= mutation;
            return original((t: never) => {
              const fields = (fn as FieldsFn)(t);
              for (const key of Object.keys(fields)) owners.set(`${type}.${key}`, mod.slug);
              return fields;
            });
          }
        : (field: unknown, fn: unknown) => {
            hasMutations ||= mutation;
            owners.set(`${type}.${String(field)}`, mod.slug);
            return original(field, fn);
          };
    }
    mod.graphql(builder);
  }
  for (const [name, original] of originals) if (original) b[name] = original;
  return { owners, hasMutations };
};

/** Deny by default: every root field must declare `authScopes` (public, authenticated or a permission). */
export const assertRootFieldsProtected = (schema: GraphQLSchema): void => {
  const unprotected: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions;
      if (!options?.authScopes) unprotected.push(`${type?.name}.${field.name}`);
    }
  }
  if (unprotected.length > 0) {
    throw kernelErrors.KERNEL_GRAPHQL_UNPROTECTED(`GraphQL fields without authScopes: ${unprotected.join(', ')}`);
  }
};

const rootFields = (document: DocumentNode): string[] =>
  document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((op) =>
      op.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD ? [`${op.operation === 'mutation' ? 'Mutation' : 'Query'}.${s.name.value}`] : [],
      ),
    );

/**
 * Refuses an operation that reaches a field of a module disabled for the tenant, with the same
 * answer as a field that does not exist.
 */
export const moduleGate =
  (owners: RootFieldOwners, optional: ReadonlySet<string>, moduleEnabled: (tenant: TenantRef, slug: string) => Promise<boolean>) =>
  async (_schema: GraphQLSchema, document: DocumentNode, context: GraphQLContext) => {
    const tenant = context.tenant;
    if (!tenant) return;
    for (const field of rootFields(document)) {
      const owner = owners.get(field);
      if (owner && optional.has(owner) && !(await moduleEnabled(tenant, owner))) {
        throw apiErrors.GRAPHQL_FIELD_NOT_FOUND(`Cannot query field "${field.split('.')[1]}"`);
      }
    }
  };
