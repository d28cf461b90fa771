export * from './app-role.js';
export * from './database.js';
export * from './lock.js';
export * from './migrate.js';
export * from './open.js';
export * from './pglite.js';
export * from './postgres.js';
export * from './rls.js';
