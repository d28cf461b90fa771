import { contextOf, graphqlContextOf, type ModuleContext, requirePermission as requireActorPermission } from '@rustok/api';
import { fastifyOf, type GraphQLContext, type ModuleRegistry } from '@rustok/kernel';
import { createRenderer, type Renderer } from '@rustok/mail';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type MailOptions, mailOptions, type WebhookOptions, webhookOptions } from './options.js';

/** What every notifications use-case receives: the platform's module context, the webhook settings and the deployment's event types. */
export interface NotificationsContext extends ModuleContext {
  readonly options: WebhookOptions;
  /** Every event type the deployment's modules publish (what an endpoint may subscribe to). */
  readonly eventTypes: readonly string[];
  readonly mail: MailOptions;
  /** Renders mail templates (one per process; parsed templates are cached in it). */
  readonly renderer: Renderer;
}

const typesOf = new WeakMap<ModuleRegistry, readonly string[]>();
const eventTypesOf = (registry: ModuleRegistry): readonly string[] => {
  let types = typesOf.get(registry);
  if (!types) {
    types = [...new Set(registry.modules.flatMap((m) => m.events.emits.map((e) => e.type)))].sort();
    typesOf.set(registry, types);
  }
  return types;
};

let renderer: Renderer | undefined;

const extras = (app: FastifyInstance) => {
  const { config } = app.rustok;
  renderer ??= createRenderer();
  return { options: webhookOptions(config), eventTypes: eventTypesOf(app.rustok.registry), mail: mailOptions(config), renderer };
};

export const notificationsContextOf = (request: FastifyRequest): NotificationsContext => ({
  ...contextOf(request),
  ...extras(request.server),
});

export const graphqlNotificationsContextOf = (ctx: GraphQLContext): NotificationsContext => ({
  ...graphqlContextOf(ctx),
  ...extras(fastifyOf(ctx)),
});

export const requirePermission = (ctx: NotificationsContext, permission: string): void => requireActorPermission(ctx.actor, permission);
