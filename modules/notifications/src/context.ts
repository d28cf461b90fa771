import { contextOf, graphqlContextOf, type ModuleContext, requirePermission as requireActorPermission } from '@rustok/api';
import { fastifyOf, type GraphQLContext, type ModuleRegistry } from '@rustok/kernel';
import { createRenderer, type Renderer } from '@rustok/mail';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type InboxOptions, inboxOptions, type MailOptions, mailOptions, type WebhookOptions, webhookOptions } from './options.js';

/** What every notifications use-case receives: the platform's module context, the webhook settings and the deployment's event types. */
export interface NotificationsContext extends ModuleContext {
  readonly options: WebhookOptions;
  /** Every event type the deployment's modules publish (what an endpoint may subscribe to). */
  readonly eventTypes: readonly string[];
  readonly mail: MailOptions;
  /** Renders mail templates (one per process; parsed templates are cached in it). */
  readonly renderer: Renderer;
  /** Every permission the deployment's modules declare (whose holders a notice kind may go to). */
  readonly permissions: readonly string[];
  readonly inbox: InboxOptions;
}

const listsOf = new WeakMap<ModuleRegistry, { eventTypes: readonly string[]; permissions: readonly string[] }>();
const registryLists = (registry: ModuleRegistry) => {
  let lists = listsOf.get(registry);
  if (!lists) {
    const sorted = (items: readonly string[]) => [...new Set(items)].sort();
    lists = {
      eventTypes: sorted(registry.modules.flatMap((m) => m.events.emits.map((e) => e.type))),
      permissions: sorted(registry.modules.flatMap((m) => m.permissions)),
    };
    listsOf.set(registry, lists);
  }
  return lists;
};

let renderer: Renderer | undefined;

const extras = (app: FastifyInstance) => {
  const { config } = app.rustok;
  renderer ??= createRenderer();
  const { eventTypes, permissions } = registryLists(app.rustok.registry);
  return { options: webhookOptions(config), eventTypes, permissions, mail: mailOptions(config), inbox: inboxOptions(config), renderer };
};

export const notificationsContextOf = (request: FastifyRequest): NotificationsContext => ({
  ...contextOf(request),
  ...extras(request.server),
});

export const graphqlNotificationsContextOf = (ctx: GraphQLContext): NotificationsContext => ({
  ...graphqlContextOf(ctx),
  ...extras(fastifyOf(ctx)),
});

/** The same for an MCP tool's handler: the caller's module context (`adminTool`'s) on the tool call's app. */
export const mcpNotificationsContextOf = (ctx: ModuleContext, app: FastifyInstance): NotificationsContext => ({ ...ctx, ...extras(app) });

export const requirePermission = (ctx: NotificationsContext, permission: string): void => requireActorPermission(ctx.actor, permission);
