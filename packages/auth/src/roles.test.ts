import { hasPermission } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { createRoleCatalog } from './roles.js';

const declared = [
  'platform.tenants.manage',
  'tenancy.modules.read',
  'tenancy.modules.manage',
  'events.admin.read',
  'auth.users.manage',
  'auth.roles.manage',
  'blog.posts.create',
  'blog.posts.update_own',
  'blog.comments.create',
  'commerce.orders.refund',
  'commerce.products.read',
];
const catalog = createRoleCatalog(declared);
const principal = (roles: string[], custom?: Map<string, string[]>) => ({
  userId: 'u',
  tenantId: 't',
  roles,
  permissions: catalog.permissionsOf(roles, custom),
});

describe('built-in roles', () => {
  it('super_admin may do anything, including platform administration', () => {
    expect(hasPermission(principal(['super_admin']), 'platform.tenants.manage')).toBe(true);
    expect(hasPermission(principal(['super_admin']), 'anything.at.all')).toBe(true);
  });

  it('admin administers its tenant but not the platform', () => {
    const admin = principal(['admin']);
    expect(hasPermission(admin, 'tenancy.modules.manage')).toBe(true);
    expect(hasPermission(admin, 'commerce.orders.refund')).toBe(true);
    expect(hasPermission(admin, 'platform.tenants.manage')).toBe(false);
    expect(hasPermission(admin, 'events.admin.read')).toBe(false);
  });

  it('manager runs the shop but does not administer people or modules', () => {
    const manager = principal(['manager']);
    expect(hasPermission(manager, 'commerce.orders.refund')).toBe(true);
    expect(hasPermission(manager, 'auth.users.manage')).toBe(false);
    expect(hasPermission(manager, 'tenancy.modules.manage')).toBe(false);
  });

  it('editor edits content and reads the rest; customer only acts on its own things', () => {
    expect(hasPermission(principal(['editor']), 'blog.posts.create')).toBe(true);
    expect(hasPermission(principal(['editor']), 'commerce.products.read')).toBe(true);
    expect(hasPermission(principal(['editor']), 'commerce.orders.refund')).toBe(false);
    const customer = principal(['customer']);
    expect([...customer.permissions].sort()).toEqual(['blog.comments.create', 'blog.posts.update_own']);
  });

  it('grants nothing for undeclared permissions and unknown roles', () => {
    expect(catalog.permissionsOf(['admin']).has('ghost.thing.do')).toBe(false);
    expect(catalog.permissionsOf(['nobody']).size).toBe(0);
  });
});

describe('tenant roles', () => {
  it('grant their listed permissions (patterns allowed) but never platform ones', () => {
    const custom = new Map([['support', ['commerce.*.*', 'platform.tenants.manage', 'events.admin.read']]]);
    const support = principal(['support'], custom);
    expect([...support.permissions].sort()).toEqual(['commerce.orders.refund', 'commerce.products.read']);
  });

  it('add up with built-in roles', () => {
    const custom = new Map([['refunds', ['commerce.orders.refund']]]);
    const p = principal(['editor', 'refunds'], custom);
    expect(hasPermission(p, 'commerce.orders.refund')).toBe(true);
    expect(hasPermission(p, 'blog.posts.create')).toBe(true);
  });
});
