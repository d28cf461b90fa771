import type { ModuleMcp } from '@rustok/kernel';
import { adminTools } from './admin-tools.js';
import { cartTools } from './cart-tools.js';
import { commercePrompts, commerceResources } from './documents.js';
import { orderTools } from './order-tools.js';

/** Commerce's MCP tools (carts, checkout and order lookup for shoppers; products and orders for staff), an order by URI and two prompts. */
export const commerceMcp: ModuleMcp = {
  tools: [...cartTools, ...orderTools, ...adminTools],
  resources: commerceResources,
  prompts: commercePrompts,
};
