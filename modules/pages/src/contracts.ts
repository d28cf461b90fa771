/** `@rustok/pages/contracts`: the event types, the block types a page may hold and the read types of pages and menus. */

export { BLOCK_TYPES } from './blocks.js';
export { MENU_UPDATED, PAGE_EVENT } from './events.js';
export type { Menu, MenuItem, MenuLink } from './menu-schemas.js';
export type { Page, PageBlock } from './schemas.js';
