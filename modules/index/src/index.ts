import { indexModule } from './module.js';

export { indexModule } from './module.js';
export default indexModule;
export * from './errors.js';
