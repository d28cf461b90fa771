import { Link } from '@tanstack/react-router';
import type { Me } from '../api/auth.js';
import type { ModuleInfo } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const labels = defineMessages({
  en: {
    home: 'Home',
    products: 'Products',
    priceLists: 'Price lists',
    orders: 'Orders',
    shopSettings: 'Shop settings',
    blog: 'Blog',
    commentQueue: 'Comment queue',
    taxonomy: 'Taxonomy',
    forum: 'Forum',
    pages: 'Pages',
    menus: 'Menus',
    users: 'Users',
    searchIndex: 'Search index',
    tenants: 'Tenants',
    system: 'System',
    modules: 'Modules',
    main: 'Main',
  },
  ru: {
    home: 'Главная',
    products: 'Товары',
    priceLists: 'Прайс-листы',
    orders: 'Заказы',
    shopSettings: 'Настройки магазина',
    blog: 'Блог',
    commentQueue: 'Очередь комментариев',
    taxonomy: 'Рубрики и метки',
    forum: 'Форум',
    pages: 'Страницы',
    menus: 'Меню',
    users: 'Пользователи',
    searchIndex: 'Поисковый индекс',
    tenants: 'Арендаторы',
    system: 'Система',
    modules: 'Модули',
    main: 'Главное меню',
  },
});

type Label = Exclude<keyof typeof labels.en, 'main'>;

interface MenuItem {
  readonly to:
    | '/'
    | '/tenants'
    | '/modules'
    | '/products'
    | '/price-lists'
    | '/orders'
    | '/shop-settings'
    | '/system'
    | '/blog'
    | '/blog/comments'
    | '/taxonomy'
    | '/forum'
    | '/pages'
    | '/menus'
    | '/users'
    | '/search-index';
  /** The key of its name in the menu's messages. */
  readonly label: Label;
  /** Shown only to users with this permission (the server checks again). */
  readonly permission?: string;
  /** Shown only while this module is on for the tenant. */
  readonly module?: string;
}

/** The menu: each screen with what it needs. Screens of modules join as they are built. */
export const MENU: readonly MenuItem[] = [
  { to: '/', label: 'home' },
  { to: '/products', label: 'products', permission: 'commerce.products.read', module: 'commerce' },
  { to: '/price-lists', label: 'priceLists', permission: 'commerce.prices.manage', module: 'commerce' },
  { to: '/orders', label: 'orders', permission: 'commerce.orders.read', module: 'commerce' },
  { to: '/shop-settings', label: 'shopSettings', permission: 'commerce.settings.manage', module: 'commerce' },
  { to: '/blog', label: 'blog', permission: 'blog.posts.read', module: 'blog' },
  { to: '/blog/comments', label: 'commentQueue', permission: 'blog.comments.moderate', module: 'blog' },
  { to: '/taxonomy', label: 'taxonomy', permission: 'content.categories.manage', module: 'content' },
  { to: '/forum', label: 'forum', permission: 'forum.topics.read', module: 'forum' },
  { to: '/pages', label: 'pages', permission: 'pages.pages.read', module: 'pages' },
  { to: '/menus', label: 'menus', permission: 'pages.menus.manage', module: 'pages' },
  { to: '/users', label: 'users', permission: 'auth.users.read' },
  { to: '/search-index', label: 'searchIndex', permission: 'index.status.read' },
  { to: '/tenants', label: 'tenants', permission: 'platform.tenants.manage' },
  { to: '/system', label: 'system', permission: 'events.admin.read' },
  { to: '/modules', label: 'modules', permission: 'tenancy.modules.read' },
];

export const visibleMenu = (me: Me, modules: readonly ModuleInfo[], acting: boolean): MenuItem[] =>
  MENU.filter(
    (item) =>
      (!item.permission || can(me, item.permission)) &&
      (!item.module || modules.some((m) => m.slug === item.module && m.enabled)) &&
      // The platform's own screens are the operator's, not the tenant's they act in.
      !(acting && (item.to === '/tenants' || item.to === '/system')),
  );

export const Nav = ({ items }: { readonly items: readonly MenuItem[] }) => {
  const t = useMessages(labels);
  return (
    <nav aria-label={t.main}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: item.to === '/' }}>
              {t[item.label]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};
