import { contentModule } from './module.js';

export { CONTENT_PERMISSIONS, contentModule } from './module.js';
export default contentModule;
export * from './errors.js';
