import type { ModuleCommandGroup } from '@rustok/kernel';
import { rebuildCommand } from './rebuild.js';
import { verifyCommand } from './verify.js';

/** `rustok index rebuild|verify`: the storefront read models against the write model. */
export const indexCommands: ModuleCommandGroup = {
  name: 'index',
  description: 'storefront read models (index_products, index_content)',
  commands: [rebuildCommand, verifyCommand],
};
