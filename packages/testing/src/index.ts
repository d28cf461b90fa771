export * from './databases.js';
export * from './platform.js';
export * from './services.js';
export * from './tcp-proxy.js';
