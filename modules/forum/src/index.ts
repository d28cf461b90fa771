import { forumModule } from './module.js';

export { forumModule } from './module.js';
export default forumModule;
export * from './errors.js';
