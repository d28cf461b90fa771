import { pagesModule } from './module.js';

export { pagesModule } from './module.js';
export default pagesModule;
export * from './errors.js';
