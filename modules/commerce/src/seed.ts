import type { SeedContext } from '@rustok/kernel';

export const seedCommerceDemo = async (_ctx: SeedContext): Promise<void> => {};
