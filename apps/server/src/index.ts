export * from './assemble.js';
export * from './boot.js';
export * from './jobs/plan.js';
export * from './jobs/runner.js';
export * from './logger.js';
export { builtInModules } from './modules.generated.js';
export * from './seed.js';
export * from './shutdown.js';
export * from './start.js';
