import { commerceModule } from './module.js';

export { commerceModule } from './module.js';
export default commerceModule;
export * from './errors.js';
