/// <reference types="@fastify/swagger" />
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { flexContextOf as contextOf } from '../context.js';
import { AttachedEntityParams, AttachedList, AttachedSchemaParams, FlexAttachedValues, SetAttachedInput } from '../schemas-attached.js';
import { deleteAttached } from '../use-cases/delete-attached.js';
import { listAttached } from '../use-cases/list-attached.js';
import { setAttached } from '../use-cases/set-attached.js';

const problem = { $ref: 'Problem#' } as const;
const tags = ['flex'];
const needs = (permission: string) => ({ access: { permission } });
const PATH = '/flex/attached/:target/:entityId';

/**
 * Attached fieldsets: the values schemas with the target product, content_node or user give one
 * entity of that module. Reads are public (public fields of published products and nodes); with
 * flex.entries.read every fieldset and value. Setting needs flex.entries.update, removing flex.entries.delete.
 */
export const attachedRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: AttachedEntityParams }>(
    PATH,
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "An entity's fieldsets (the public fields only without flex.entries.read)",
        params: AttachedEntityParams,
        response: { 200: AttachedList, 403: problem, 404: problem, 422: problem },
      },
    },
    async (request) => listAttached(contextOf(request), request.params),
  );
  app.put<{ Params: AttachedSchemaParams; Body: SetAttachedInput }>(
    `${PATH}/:schema`,
    {
      config: needs('flex.entries.update'),
      schema: {
        tags,
        summary: "Set an entity's fieldset of a schema; the values are checked against the schema",
        params: AttachedSchemaParams,
        body: SetAttachedInput,
        response: { 200: FlexAttachedValues, 404: problem, 422: problem },
      },
    },
    async (request) => setAttached(contextOf(request), request.params, request.body),
  );
  app.delete<{ Params: AttachedSchemaParams }>(
    `${PATH}/:schema`,
    {
      config: needs('flex.entries.delete'),
      schema: {
        tags,
        summary: "Remove an entity's fieldset of a schema",
        params: AttachedSchemaParams,
        response: { 204: Type.Null(), 404: problem, 422: problem },
      },
    },
    async (request, reply) => {
      await deleteAttached(contextOf(request), request.params);
      return reply.status(204).send();
    },
  );
};
