import { pagesModule } from './module.js';

export { PAGES_PERMISSIONS, pagesModule } from './module.js';
export default pagesModule;
export * from './errors.js';
