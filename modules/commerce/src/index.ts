import { commerceModule } from './module.js';

export * from './contracts.js';
export { COMMERCE_PERMISSIONS, commerceModule } from './module.js';
export default commerceModule;
export * from './errors.js';
