import { indexModule } from './module.js';

export { INDEX_PERMISSIONS, indexModule } from './module.js';
export default indexModule;
export * from './errors.js';
