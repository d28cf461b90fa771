/// <reference types="@fastify/swagger" />
import type { FastifyPluginAsync } from 'fastify';
import { SCRIPTING_PERMISSION as P, scriptingContextOf } from '../context.js';
import { PageQuery, ScriptParams } from '../schemas.js';
import { ExecutionList, HookParams, RunInput, RunReport } from '../schemas-runs.js';
import { dryRunScript } from '../use-cases/dry-run-script.js';
import { listExecutions } from '../use-cases/list-executions.js';
import { runHook } from '../use-cases/run-hook.js';
import { runScript } from '../use-cases/run-script.js';

const problem = { $ref: 'Problem#' } as const;
const tags = ['scripting'];
type Run = { Params: ScriptParams; Body: RunInput };

/** Runs: manual, dry, the execution log, and the scripts' own endpoints under /api/v1/hooks. */
export const runRoutes: FastifyPluginAsync = async (app) => {
  app.post<Run>(
    '/scripting/scripts/:id/run',
    {
      config: { access: { permission: P.execute } },
      schema: {
        tags,
        summary: 'Run a script now with an input document (logged as an execution)',
        params: ScriptParams,
        body: RunInput,
        response: { 200: RunReport, 404: problem, 409: problem, 422: problem, 429: problem },
      },
    },
    async (request) => runScript(scriptingContextOf(request), request.params.id, request.body),
  );
  app.post<Run>(
    '/scripting/scripts/:id/dry-run',
    {
      config: { access: { permission: P.execute } },
      schema: {
        tags,
        summary: 'Run a script (or a draft of it) with no side effects; answers CPU, memory, calls and log',
        params: ScriptParams,
        body: RunInput,
        response: { 200: RunReport, 404: problem, 422: problem, 429: problem },
      },
    },
    async (request) => dryRunScript(scriptingContextOf(request), request.params.id, request.body),
  );
  app.get<{ Params: ScriptParams; Querystring: PageQuery }>(
    '/scripting/scripts/:id/executions',
    {
      config: { access: { permission: P.read } },
      schema: {
        tags,
        summary: 'Executions of a script, newest first',
        params: ScriptParams,
        querystring: PageQuery,
        response: { 200: ExecutionList, 404: problem },
      },
    },
    async (request) => listExecutions(scriptingContextOf(request), request.params.id, request.query),
  );
  app.post<{ Params: HookParams; Body: unknown }>(
    '/hooks/:script',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "A script's own endpoint (its http trigger): the body is its input, checked against its input schema; answers its output",
        params: HookParams,
        response: { 404: problem, 409: problem, 422: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const output = await runHook(scriptingContextOf(request), request.params.script, request.body);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(output));
    },
  );
};
