import { addDeleteMutation } from '@rustok/api';
import { type GraphQLBuilder, pageOf, parseId, withoutNulls } from '@rustok/kernel';
import { graphqlScriptingContextOf as ctxOf, SCRIPTING_PERMISSION as P } from '../context.js';
import type { CreateScriptInput, UpdateScriptInput } from '../schemas.js';
import type { RunInput } from '../schemas-runs.js';
import { createScript } from '../use-cases/create-script.js';
import { deleteScript } from '../use-cases/delete-script.js';
import { disableScript } from '../use-cases/disable-script.js';
import { dryRunScript } from '../use-cases/dry-run-script.js';
import { enableScript } from '../use-cases/enable-script.js';
import { getScript } from '../use-cases/get-script.js';
import { listExecutions } from '../use-cases/list-executions.js';
import { listScripts } from '../use-cases/list-scripts.js';
import { listVersions } from '../use-cases/list-versions.js';
import { rollbackScript } from '../use-cases/rollback-script.js';
import { runScript } from '../use-cases/run-script.js';
import { updateScript } from '../use-cases/update-script.js';
import { scriptingTypes } from './types.js';

/** Nulls GraphQL hands for left-out fields dropped, except the schemas, where null removes one. */
const saveInput = <T extends object>(input: T): T => {
  const { inputSchema, outputSchema, ...rest } = input as Record<string, unknown>;
  return {
    ...(withoutNulls(rest) as object),
    ...(inputSchema === undefined ? {} : { inputSchema }),
    ...(outputSchema === undefined ? {} : { outputSchema }),
  } as T;
};
const id = (value: string | number): string => parseId(String(value));

const queries = (builder: GraphQLBuilder, types: ReturnType<typeof scriptingTypes>): void => {
  builder.queryField('scriptingScripts', (t) =>
    t.field({
      type: types.ScriptConnection,
      authScopes: { permission: P.read },
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listScripts(ctxOf(ctx), pageOf(args)),
    }),
  );
  builder.queryField('scriptingScript', (t) =>
    t.field({
      type: types.Script,
      authScopes: { permission: P.read },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getScript(ctxOf(ctx), id(args.id)),
    }),
  );
  builder.queryField('scriptingScriptVersions', (t) =>
    t.field({
      type: [types.Version],
      authScopes: { permission: P.read },
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => (await listVersions(ctxOf(ctx), id(args.id))).items,
    }),
  );
  builder.queryField('scriptingExecutions', (t) =>
    t.field({
      type: types.ExecutionConnection,
      authScopes: { permission: P.read },
      args: { scriptId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listExecutions(ctxOf(ctx), id(args.scriptId), pageOf(args)),
    }),
  );
};

const saves = (builder: GraphQLBuilder, types: ReturnType<typeof scriptingTypes>): void => {
  builder.mutationField('createScriptingScript', (t) =>
    t.field({
      type: types.Script,
      authScopes: { permission: P.manage },
      args: { input: t.arg({ type: types.CreateInput, required: true }) },
      resolve: (_root, args, ctx) => createScript(ctxOf(ctx), saveInput(args.input) as unknown as CreateScriptInput),
    }),
  );
  builder.mutationField('updateScriptingScript', (t) =>
    t.field({
      type: types.Script,
      authScopes: { permission: P.manage },
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: types.UpdateInput, required: true }) },
      resolve: (_root, args, ctx) => updateScript(ctxOf(ctx), id(args.id), saveInput(args.input) as unknown as UpdateScriptInput),
    }),
  );
  addDeleteMutation(builder, 'deleteScriptingScript', { authScopes: { permission: P.manage }, contextOf: ctxOf, remove: deleteScript });
  for (const [name, fn] of [
    ['enableScriptingScript', enableScript],
    ['disableScriptingScript', disableScript],
  ] as const) {
    builder.mutationField(name, (t) =>
      t.field({
        type: types.Script,
        authScopes: { permission: P.manage },
        args: { id: t.arg.id({ required: true }) },
        resolve: (_root, args, ctx) => fn(ctxOf(ctx), id(args.id)),
      }),
    );
  }
  builder.mutationField('rollbackScriptingScript', (t) =>
    t.field({
      type: types.Script,
      authScopes: { permission: P.manage },
      args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
      resolve: (_root, args, ctx) => rollbackScript(ctxOf(ctx), id(args.id), args.version),
    }),
  );
};

const runs = (builder: GraphQLBuilder, types: ReturnType<typeof scriptingTypes>): void => {
  for (const [name, fn] of [
    ['runScriptingScript', runScript],
    ['dryRunScriptingScript', dryRunScript],
  ] as const) {
    builder.mutationField(name, (t) =>
      t.field({
        type: types.Report,
        authScopes: { permission: P.execute },
        args: { id: t.arg.id({ required: true }), input: t.arg({ type: types.RunInput }) },
        resolve: (_root, args, ctx) => fn(ctxOf(ctx), id(args.id), withoutNulls(args.input ?? {}) as unknown as RunInput),
      }),
    );
  }
};

/** Scripts, versions, executions and runs over GraphQL: the REST operations, over the same use-cases and permissions. */
export const scriptingGraphQL = (builder: GraphQLBuilder): void => {
  const types = scriptingTypes(builder);
  queries(builder, types);
  saves(builder, types);
  runs(builder, types);
};
