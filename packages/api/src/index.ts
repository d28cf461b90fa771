export * from './access.js';
export * from './app.js';
export * from './graphql.js';
export * from './health.js';
export * from './metrics.js';
export * from './openapi.js';
export * from './problem.js';
export * from './request-ids.js';
