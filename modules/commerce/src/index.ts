import { commerceModule } from './module.js';

export { COMMERCE_PERMISSIONS, commerceModule } from './module.js';
export default commerceModule;
export * from './errors.js';
