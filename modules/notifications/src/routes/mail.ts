/// <reference types="@fastify/swagger" />
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { notificationsContextOf as contextOf } from '../context.js';
import { PageQuery } from '../schemas.js';
import {
  MailLog,
  MailSettings,
  MailTemplateDoc,
  MailTemplateInfo,
  PreviewInput,
  PreviewResult,
  TemplateParams,
  TemplateSource,
  TestMailInput,
} from '../schemas-mail.js';
import { listMails } from '../use-cases/mail-log.js';
import { previewMail, sendTestMail } from '../use-cases/mail-preview.js';
import { getMailSettings, putMailSettings } from '../use-cases/mail-settings.js';
import { deleteMailTemplate, getMailTemplate, listMailTemplates, putMailTemplate } from '../use-cases/mail-templates.js';

const problem = { $ref: 'Problem#' } as const;
const tags = ['notifications'];
const READ = { access: { permission: 'notifications.mail.read' } };
const MANAGE = { access: { permission: 'notifications.mail.manage' } };
const ONE = '/notifications/mail/templates/:key/:locale';

/** Mail settings and the send log. */
const settingsRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/notifications/mail/settings',
    { config: READ, schema: { tags, summary: "The tenant's mail settings", response: { 200: MailSettings } } },
    async (request) => getMailSettings(contextOf(request)),
  );
  app.put<{ Body: MailSettings }>(
    '/notifications/mail/settings',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Set the sender, storefront address and staff recipients',
        body: MailSettings,
        response: { 200: MailSettings, 422: problem },
      },
    },
    async (request) => putMailSettings(contextOf(request), request.body),
  );
  app.get<{ Querystring: PageQuery }>(
    '/notifications/mail/log',
    {
      config: READ,
      schema: {
        tags,
        summary: "The tenant's mails, newest first (sent, pending, failed, bounced)",
        querystring: PageQuery,
        response: { 200: MailLog },
      },
    },
    async (request) => listMails(contextOf(request), request.query),
  );
};

/** Templates: the shipped mails, the tenant's own versions per locale, previews and test sends. */
const templateRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/notifications/mail/templates',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Every mail: its variables, sample data and the locales the tenant made its own',
        response: { 200: Type.Array(MailTemplateInfo) },
      },
    },
    async (request) => listMailTemplates(contextOf(request)),
  );
  app.get<{ Params: TemplateParams }>(
    ONE,
    {
      config: READ,
      schema: {
        tags,
        summary: 'The template a mail uses in a locale',
        params: TemplateParams,
        response: { 200: MailTemplateDoc, 404: problem },
      },
    },
    async (request) => getMailTemplate(contextOf(request), request.params.key, request.params.locale),
  );
  app.put<{ Params: TemplateParams; Body: TemplateSource }>(
    ONE,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "The tenant's own version (it must render with the sample data)",
        params: TemplateParams,
        body: TemplateSource,
        response: { 200: MailTemplateDoc, 404: problem, 422: problem },
      },
    },
    async (request) => putMailTemplate(contextOf(request), request.params.key, request.params.locale, request.body),
  );
  app.delete<{ Params: TemplateParams }>(
    ONE,
    {
      config: MANAGE,
      schema: { tags, summary: 'Back to the shipped template', params: TemplateParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteMailTemplate(contextOf(request), request.params.key, request.params.locale);
      return reply.status(204).send();
    },
  );
  app.post<{ Params: TemplateParams; Body: PreviewInput | undefined }>(
    `${ONE}/preview`,
    {
      config: READ,
      schema: {
        tags,
        summary: 'Render the mail (stored or draft) with sample data',
        params: TemplateParams,
        body: Type.Optional(PreviewInput),
        response: { 200: PreviewResult, 404: problem, 422: problem },
      },
    },
    async (request) => previewMail(contextOf(request), request.params.key, request.params.locale, request.body ?? {}),
  );
  app.post<{ Params: TemplateParams; Body: TestMailInput }>(
    `${ONE}/test`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Send the mail with sample data to one address',
        params: TemplateParams,
        body: TestMailInput,
        response: { 202: Type.Object({ id: Type.String() }), 404: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sendTestMail(contextOf(request), request.params.key, request.params.locale, request.body)),
  );
};

/** Mail under /notifications/mail. */
export const mailRoutes: FastifyPluginAsync = async (app) => {
  await settingsRoutes(app, {});
  await templateRoutes(app, {});
};
