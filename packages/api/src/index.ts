export * from './app.js';
export * from './problem.js';
export * from './health.js';
export * from './metrics.js';
export * from './graphql.js';
export * from './openapi.js';
export * from './request-ids.js';
