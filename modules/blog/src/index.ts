import { blogModule } from './module.js';

export { BLOG_PERMISSIONS, blogModule } from './module.js';
export default blogModule;
export * from './errors.js';
