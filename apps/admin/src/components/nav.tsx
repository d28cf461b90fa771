import { Link } from '@tanstack/react-router';
import type { Me } from '../api/auth.js';
import type { ModuleInfo } from '../api/modules.js';
import { can } from '../api/permissions.js';

interface MenuItem {
  readonly to: '/' | '/tenants' | '/modules' | '/products' | '/orders' | '/system' | '/blog' | '/users' | '/search-index';
  readonly label: string;
  /** Shown only to users with this permission (the server checks again). */
  readonly permission?: string;
  /** Shown only while this module is on for the tenant. */
  readonly module?: string;
}

/** The menu: each screen with what it needs. Screens of modules join as they are built. */
export const MENU: readonly MenuItem[] = [
  { to: '/', label: 'Home' },
  { to: '/products', label: 'Products', permission: 'commerce.products.read', module: 'commerce' },
  { to: '/orders', label: 'Orders', permission: 'commerce.orders.read', module: 'commerce' },
  { to: '/blog', label: 'Blog', permission: 'blog.posts.read', module: 'blog' },
  { to: '/users', label: 'Users', permission: 'auth.users.read' },
  { to: '/search-index', label: 'Search index', permission: 'index.status.read' },
  { to: '/tenants', label: 'Tenants', permission: 'platform.tenants.manage' },
  { to: '/system', label: 'System', permission: 'events.admin.read' },
  { to: '/modules', label: 'Modules', permission: 'tenancy.modules.read' },
];

export const visibleMenu = (me: Me, modules: readonly ModuleInfo[], acting: boolean): MenuItem[] =>
  MENU.filter(
    (item) =>
      (!item.permission || can(me, item.permission)) &&
      (!item.module || modules.some((m) => m.slug === item.module && m.enabled)) &&
      // The platform's own screens are the operator's, not the tenant's they act in.
      !(acting && (item.to === '/tenants' || item.to === '/system')),
  );

export const Nav = ({ items }: { readonly items: readonly MenuItem[] }) => (
  <nav aria-label="Main">
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <Link to={item.to} activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: item.to === '/' }}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  </nav>
);
