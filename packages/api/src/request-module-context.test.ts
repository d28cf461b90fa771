import { type GraphQLContext, generateId, isAppError, type Principal, type TenantRef } from '@rustok/kernel';
import Fastify, { type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { EventPublisher } from './module-context.js';
import { contextOf, graphqlContextOf } from './request-module-context.js';

const tenant: TenantRef = { id: generateId(), slug: 'acme', name: 'Acme', isActive: true, settings: {} };
const principal: Principal = {
  userId: generateId(),
  tenantId: tenant.id,
  roles: ['editor'],
  permissions: new Set(['pages.pages.read']),
};
const db = { marker: 'db' };
const events: EventPublisher = { publishInTx: async () => ({}) as never };

const appWithServices = () => {
  const app = Fastify();
  app.decorate('rustok', { db } as never);
  app.decorate('events', events as never);
  return app;
};

const requestOf = (withTenant: boolean) =>
  ({ server: appWithServices(), tenant: withTenant ? tenant : undefined, principal }) as unknown as FastifyRequest;

describe('contextOf(request, rights)', () => {
  it('builds the context once per request from the platform services, the tenant and the caller', () => {
    const request = requestOf(true);
    const first = contextOf(request);
    expect(contextOf(request)).toBe(first);
    expect(first.db).toBe(db);
    expect(first.events).toBe(events);
    expect(first.tenantId).toBe(tenant.id);
    expect(first.actor.userId).toBe(principal.userId);
    expect(contextOf(requestOf(true))).not.toBe(first);
  });

  it('maps the permissions named in rights onto the caller’s and checks the rest as they are', () => {
    const request = requestOf(true);
    const plain = contextOf(request);
    const mapped = contextOf(request, { 'content.nodes.read': 'pages.pages.read' });
    expect(plain.actor.can('content.nodes.read')).toBe(false);
    expect(mapped.actor.can('content.nodes.read')).toBe(true);
    expect(mapped.actor.can('pages.pages.read')).toBe(true);
    expect(mapped.actor.can('pages.pages.delete')).toBe(false);
    expect(mapped.db).toBe(plain.db);
  });

  it('answers 400 TENANT_REQUIRED without a tenant', () => {
    const error = (() => {
      try {
        return contextOf(requestOf(false));
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && { code: error.code, status: error.status }).toEqual({ code: 'TENANT_REQUIRED', status: 400 });
  });
});

describe('graphqlContextOf(ctx, rights)', () => {
  it('builds one context per operation from the app Mercurius puts on the resolver context', () => {
    const ctx = { app: appWithServices(), tenant, principal } as unknown as GraphQLContext;
    const first = graphqlContextOf(ctx);
    expect(graphqlContextOf(ctx)).toBe(first);
    expect(first.tenantId).toBe(tenant.id);
    expect(graphqlContextOf(ctx, { 'content.nodes.read': 'pages.pages.read' }).actor.can('content.nodes.read')).toBe(true);
  });
});
