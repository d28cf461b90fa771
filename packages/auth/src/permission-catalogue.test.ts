import { describe, expect, it } from 'vitest';
import { permissionCatalogue } from './permission-catalogue.js';
import { createRoleCatalog } from './roles.js';

describe('the permission catalogue of tenant roles', () => {
  it('groups the declared permissions by module, sorted, without the platform ones', () => {
    const roles = createRoleCatalog([
      'commerce.orders.read',
      'blog.posts.create',
      'platform.tenants.manage',
      'events.admin.read',
      'commerce.carts.create',
      'blog.posts.create',
    ]);
    expect(permissionCatalogue({ roles })).toEqual([
      { module: 'blog', permissions: ['blog.posts.create'] },
      { module: 'commerce', permissions: ['commerce.carts.create', 'commerce.orders.read'] },
    ]);
  });

  it('is empty without a role catalogue', () => {
    expect(permissionCatalogue({})).toEqual([]);
  });
});
