/// <reference types="@fastify/swagger" />
import type { FastifyPluginAsync } from 'fastify';
import { SCRIPTING_PERMISSION as P, scriptingContextOf } from '../context.js';
import {
  CreateScriptInput,
  PageQuery,
  Script,
  ScriptList,
  ScriptParams,
  ScriptVersionList,
  UpdateScriptInput,
  VersionParams,
} from '../schemas.js';
import { createScript } from '../use-cases/create-script.js';
import { deleteScript } from '../use-cases/delete-script.js';
import { disableScript } from '../use-cases/disable-script.js';
import { enableScript } from '../use-cases/enable-script.js';
import { getScript } from '../use-cases/get-script.js';
import { listScripts } from '../use-cases/list-scripts.js';
import { listVersions } from '../use-cases/list-versions.js';
import { rollbackScript } from '../use-cases/rollback-script.js';
import { updateScript } from '../use-cases/update-script.js';

const problem = { $ref: 'Problem#' } as const;
const tags = ['scripting'];
const access = (permission: string) => ({ access: { permission } });
type Id = { Params: ScriptParams };

/** Scripts under /api/v1/scripting/scripts. Handlers call use-cases only; the use-cases check permissions again. */
export const scriptRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PageQuery }>(
    '/scripting/scripts',
    {
      config: access(P.read),
      schema: { tags, summary: 'Scripts of the tenant', querystring: PageQuery, response: { 200: ScriptList, 422: problem } },
    },
    async (request) => listScripts(scriptingContextOf(request), request.query),
  );
  app.post<{ Body: CreateScriptInput }>(
    '/scripting/scripts',
    {
      config: access(P.manage),
      schema: {
        tags,
        summary: 'Save a new script (compiled on save) with its triggers',
        body: CreateScriptInput,
        response: { 201: Script, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createScript(scriptingContextOf(request), request.body)),
  );
  app.get<Id>(
    '/scripting/scripts/:id',
    { config: access(P.read), schema: { tags, summary: 'A script', params: ScriptParams, response: { 200: Script, 404: problem } } },
    async (request) => getScript(scriptingContextOf(request), request.params.id),
  );
  app.patch<Id & { Body: UpdateScriptInput }>(
    '/scripting/scripts/:id',
    {
      config: access(P.manage),
      schema: {
        tags,
        summary: 'Save new code (a new version) or replace the triggers',
        params: ScriptParams,
        body: UpdateScriptInput,
        response: { 200: Script, 404: problem, 422: problem },
      },
    },
    async (request) => updateScript(scriptingContextOf(request), request.params.id, request.body),
  );
  app.delete<Id>(
    '/scripting/scripts/:id',
    { config: access(P.manage), schema: { tags, summary: 'Delete a script', params: ScriptParams, response: { 404: problem } } },
    async (request, reply) => {
      await deleteScript(scriptingContextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post<Id>(
    '/scripting/scripts/:id/enable',
    {
      config: access(P.manage),
      schema: { tags, summary: 'Turn a script on', params: ScriptParams, response: { 200: Script, 404: problem } },
    },
    async (request) => enableScript(scriptingContextOf(request), request.params.id),
  );
  app.post<Id>(
    '/scripting/scripts/:id/disable',
    {
      config: access(P.manage),
      schema: { tags, summary: 'Turn a script off', params: ScriptParams, response: { 200: Script, 404: problem } },
    },
    async (request) => disableScript(scriptingContextOf(request), request.params.id),
  );
  app.get<Id>(
    '/scripting/scripts/:id/versions',
    {
      config: access(P.read),
      schema: { tags, summary: 'Saved versions, newest first', params: ScriptParams, response: { 200: ScriptVersionList, 404: problem } },
    },
    async (request) => listVersions(scriptingContextOf(request), request.params.id),
  );
  app.post<{ Params: VersionParams }>(
    '/scripting/scripts/:id/versions/:version/rollback',
    {
      config: access(P.manage),
      schema: {
        tags,
        summary: 'Make an old version current (as a new version)',
        params: VersionParams,
        response: { 200: Script, 404: problem },
      },
    },
    async (request) => rollbackScript(scriptingContextOf(request), request.params.id, request.params.version),
  );
};
