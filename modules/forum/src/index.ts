import { forumModule } from './module.js';

export { FORUM_PERMISSIONS, forumModule } from './module.js';
export default forumModule;
export * from './errors.js';
