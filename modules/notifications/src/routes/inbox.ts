/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { notificationsContextOf as contextOf } from '../context.js';
import { inboxHubOf } from '../inbox/hub.js';
import { InboxQuery, InboxSettings, InboxSettingsInput, Notification, NotificationList, UnreadCount } from '../schemas-inbox.js';
import { listNotifications } from '../use-cases/inbox-list.js';
import { markAllNotificationsRead } from '../use-cases/inbox-mark-all-read.js';
import { markNotificationRead } from '../use-cases/inbox-mark-read.js';
import { getInboxSettings, putInboxSettings } from '../use-cases/inbox-settings.js';
import { openInboxStream } from '../use-cases/inbox-stream.js';
import { unreadCount } from '../use-cases/inbox-unread.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['notifications'];
/** Anyone signed in reads their own inbox (staff and customers alike). */
const OWN = { access: { authenticated: true } };
const MANAGE = { access: { permission: 'notifications.inbox.manage' } };
const BASE = '/notifications/inbox';
const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/** The caller's inbox: list, unread count, mark read. */
const ownRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: InboxQuery }>(
    BASE,
    {
      config: OWN,
      schema: { tags, summary: 'My notifications, newest first', querystring: InboxQuery, response: { 200: NotificationList } },
    },
    async (request) => listNotifications(contextOf(request), request.query),
  );
  app.get(
    `${BASE}/unread-count`,
    { config: OWN, schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCount } } },
    async (request) => unreadCount(contextOf(request)),
  );
  app.post<{ Params: IdParams }>(
    `${BASE}/:id/read`,
    {
      config: OWN,
      schema: { tags, summary: 'Mark one of my notifications read', params: IdParams, response: { 200: Notification, 404: problem } },
    },
    async (request) => markNotificationRead(contextOf(request), request.params.id),
  );
  app.post(
    `${BASE}/read-all`,
    {
      config: OWN,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: Type.Object({ marked: Type.Integer(), count: Type.Integer() }) },
      },
    },
    async (request) => markAllNotificationsRead(contextOf(request)),
  );
};

/** The live stream (server-sent events); every open one ends when the server closes. */
const streamRoute: FastifyPluginAsync = async (app) => {
  app.addHook('preClose', async () => inboxHubOf(app.rustok.db).close());
  app.get(
    `${BASE}/stream`,
    {
      config: OWN,
      schema: {
        tags,
        summary: 'My inbox live (text/event-stream): `unread` { count } and `notification` events, comments when idle',
        produces: ['text/event-stream'],
        response: { 200: { description: 'Server-sent events', content: { 'text/event-stream': { schema: Type.String() } } } },
      },
    },
    async (request, reply) => {
      const lastEventId = request.headers['last-event-id'];
      const live = await openInboxStream(contextOf(request), typeof lastEventId === 'string' ? lastEventId : undefined);
      reply.raw.once('close', live.close);
      return reply.headers(SSE_HEADERS).send(live.body);
    },
  );
};

/** Which events notify whom, per tenant (notifications.inbox.manage). */
const settingsRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    `${BASE}/settings`,
    { config: MANAGE, schema: { tags, summary: 'Which kinds of notice are on, and who receives each', response: { 200: InboxSettings } } },
    async (request) => getInboxSettings(contextOf(request)),
  );
  app.put<{ Body: InboxSettingsInput }>(
    `${BASE}/settings`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Turn kinds of notice on or off and choose the permission whose holders receive each',
        body: InboxSettingsInput,
        response: { 200: InboxSettings, 422: problem },
      },
    },
    async (request) => putInboxSettings(contextOf(request), request.body),
  );
};

/** In-app notifications under /notifications/inbox. */
export const inboxRoutes: FastifyPluginAsync = async (app) => {
  await ownRoutes(app, {});
  await streamRoute(app, {});
  await settingsRoutes(app, {});
};
