import type {} from '@rustok/api';
import { actorOf, type ContentContext, type ContentTx, loadNodeInTx, type NodeHead } from '@rustok/content';
import type {} from '@rustok/events';
import { AppError, isAppError } from '@rustok/kernel';
import type { FastifyRequest } from 'fastify';

/** A content context whose actor holds the caller's own (forum.*) permissions; `asContent` maps them for content. */
export type ForumContext = ContentContext;

export type Rights = Readonly<Record<string, string>>;

export const TOPIC_RIGHTS: Rights = {
  'content.nodes.read': 'forum.topics.read',
  'content.nodes.create': 'forum.topics.create',
  'content.nodes.update': 'forum.topics.update',
  'content.nodes.update_own': 'forum.topics.update_own',
  'content.nodes.delete': 'forum.topics.delete',
};

export const REPLY_RIGHTS: Rights = {
  'content.nodes.read': 'forum.topics.read',
  'content.nodes.create': 'forum.replies.create',
};

export const MODERATE_RIGHTS: Rights = { 'content.nodes.update': 'forum.topics.moderate' };

export const asContent = (ctx: ForumContext, rights: Rights): ContentContext => ({
  ...ctx,
  actor: {
    userId: ctx.actor.userId,
    can: (permission) => {
      const mapped = rights[permission];
      return mapped !== undefined && ctx.actor.can(mapped);
    },
  },
});

export const contextOf = (request: FastifyRequest): ForumContext => {
  const tenant = request.tenant;
  if (!tenant) throw new AppError('TENANT_REQUIRED', 'No tenant was resolved for this request', { status: 400 });
  return { db: request.server.rustok.db, events: request.server.events, tenantId: tenant.id, actor: actorOf(request.principal) };
};

export const topicNotFound = (id: string): AppError =>
  new AppError('FORUM_TOPIC_NOT_FOUND', `No forum topic ${id}`, { status: 404, title: 'Not found' });

export const renameNotFound =
  (id: string) =>
  (error: unknown): never => {
    throw isAppError(error) && error.code === 'CONTENT_NODE_NOT_FOUND' ? topicNotFound(id) : error;
  };

/** The topic's head in the caller's transaction, or 404 FORUM_TOPIC_NOT_FOUND (also for a node of another kind). */
export const loadTopicInTx = async (w: ContentTx, id: string, forUpdate = false): Promise<NodeHead> => {
  const node = await loadNodeInTx(w, id, forUpdate).catch(renameNotFound(id));
  if (node.kind !== 'topic') throw topicNotFound(id);
  return node;
};

export const problem = { $ref: 'Problem#' } as const;
export const tags = ['forum'];
