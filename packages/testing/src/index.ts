export * from './databases.js';
export * from './errors.js';
export * from './graphql.js';
export * from './nats-server.js';
export * from './platform.js';
export * from './postgres-cluster.js';
export * from './services.js';
export * from './tcp-proxy.js';
