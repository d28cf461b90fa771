import { pagesModule } from './module.js';

export { BLOCK_TYPES } from './blocks.js';
export type { Menu, MenuItem, MenuLink } from './menu-schemas.js';
export { PAGES_PERMISSIONS, pagesModule } from './module.js';
export type { Page, PageBlock } from './schemas.js';
export default pagesModule;
export * from './errors.js';
