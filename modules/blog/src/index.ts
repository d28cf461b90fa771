import { blogModule } from './module.js';

export { blogModule } from './module.js';
export default blogModule;
export * from './errors.js';
