import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import type { FastifyPluginAsync } from 'fastify';

import { CommerceStatsQuery, CommerceStatsSchema } from '../schemas/stats.js';

import { commerceStats } from '../use-cases/stats/commerce-stats.js';

import { problem } from './request.js';

/** The shop at a glance: orders and revenue today and over seven days, and low stock. */
export const statsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: CommerceStatsQuery }>(
    '/commerce/stats',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['commerce: orders'],
        summary: 'Orders and revenue today and over the last 7 days (UTC days), and variants low on stock',
        description:
          '`orders` needs commerce.orders.read and `lowStock` commerce.products.read: a part the caller lacks the permission for is null, ' +
          'and a caller with neither gets 403. Days are UTC: today from 00:00 UTC, the last 7 days are today and the six before. ' +
          'Revenue counts orders that are paid, fulfilled, shipped or delivered, per currency.',
        querystring: CommerceStatsQuery,
        response: { 200: CommerceStatsSchema, 403: problem, 422: problem },
      },
    },
    async (request) => commerceStats(contextOf(request), request.query),
  );
};
