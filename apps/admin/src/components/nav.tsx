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
    customTypes: 'Custom types',
    users: 'Users',
    accessTokens: 'Access tokens',
    webhooks: 'Webhooks',
    scripts: 'Scripts',
    mail: 'E-mail',
    media: 'Media',
    searchIndex: 'Search index',
    tenants: 'Tenants',
    system: 'System',
    modules: 'Modules',
    main: 'Main',
    shop: 'Shop',
    content: 'Content',
    people: 'People',
    platform: 'Platform',
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
    customTypes: 'Свои типы',
    users: 'Пользователи',
    accessTokens: 'Токены доступа',
    webhooks: 'Вебхуки',
    scripts: 'Скрипты',
    mail: 'Почта',
    media: 'Медиафайлы',
    searchIndex: 'Поисковый индекс',
    tenants: 'Арендаторы',
    system: 'Система',
    modules: 'Модули',
    main: 'Главное меню',
    shop: 'Магазин',
    content: 'Контент',
    people: 'Люди',
    platform: 'Платформа',
  },
});

type Group = 'shop' | 'content' | 'people' | 'platform';
type Label = Exclude<keyof typeof labels.en, 'main' | Group>;

/** The menu's sections, in the order they are shown (Home stands above them). */
const GROUPS: readonly Group[] = ['shop', 'content', 'people', 'platform'];

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
    | '/flex'
    | '/users'
    | '/access-tokens'
    | '/webhooks'
    | '/scripts'
    | '/mail'
    | '/media'
    | '/search-index';
  /** The key of its name in the menu's messages. */
  readonly label: Label;
  /** The section it is listed under (none: above the sections). */
  readonly group?: Group;
  /** Shown only to users with this permission (the server checks again). */
  readonly permission?: string;
  /** Shown only while this module is on for the tenant. */
  readonly module?: string;
}

/** The menu: each screen with what it needs. Screens of modules join as they are built. */
export const MENU: readonly MenuItem[] = [
  { to: '/', label: 'home' },
  { to: '/products', label: 'products', group: 'shop', permission: 'commerce.products.read', module: 'commerce' },
  { to: '/price-lists', label: 'priceLists', group: 'shop', permission: 'commerce.prices.manage', module: 'commerce' },
  { to: '/orders', label: 'orders', group: 'shop', permission: 'commerce.orders.read', module: 'commerce' },
  { to: '/shop-settings', label: 'shopSettings', group: 'shop', permission: 'commerce.settings.manage', module: 'commerce' },
  { to: '/blog', label: 'blog', group: 'content', permission: 'blog.posts.read', module: 'blog' },
  { to: '/blog/comments', label: 'commentQueue', group: 'content', permission: 'blog.comments.moderate', module: 'blog' },
  { to: '/taxonomy', label: 'taxonomy', group: 'content', permission: 'content.categories.manage', module: 'content' },
  { to: '/forum', label: 'forum', group: 'content', permission: 'forum.topics.read', module: 'forum' },
  { to: '/pages', label: 'pages', group: 'content', permission: 'pages.pages.read', module: 'pages' },
  { to: '/menus', label: 'menus', group: 'content', permission: 'pages.menus.manage', module: 'pages' },
  { to: '/flex', label: 'customTypes', group: 'content', permission: 'flex.entries.read', module: 'flex' },
  { to: '/media', label: 'media', group: 'content', permission: 'media.assets.read', module: 'media' },
  { to: '/users', label: 'users', group: 'people', permission: 'auth.users.read' },
  { to: '/access-tokens', label: 'accessTokens', group: 'people', permission: 'auth.access_tokens.create' },
  { to: '/webhooks', label: 'webhooks', group: 'platform', permission: 'notifications.webhooks.read', module: 'notifications' },
  { to: '/scripts', label: 'scripts', group: 'platform', permission: 'scripting.scripts.read', module: 'scripting' },
  { to: '/mail', label: 'mail', group: 'platform', permission: 'notifications.mail.read', module: 'notifications' },
  { to: '/search-index', label: 'searchIndex', group: 'platform', permission: 'index.status.read' },
  { to: '/tenants', label: 'tenants', group: 'platform', permission: 'platform.tenants.manage' },
  { to: '/system', label: 'system', group: 'platform', permission: 'events.admin.read' },
  { to: '/modules', label: 'modules', group: 'platform', permission: 'tenancy.modules.read' },
];

export const visibleMenu = (me: Me, modules: readonly ModuleInfo[], acting: boolean): MenuItem[] =>
  MENU.filter(
    (item) =>
      (!item.permission || can(me, item.permission)) &&
      (!item.module || modules.some((m) => m.slug === item.module && m.enabled)) &&
      // The platform's own screens are the operator's, not the tenant's they act in.
      !(acting && (item.to === '/tenants' || item.to === '/system')),
  );

const MenuLink = ({ item, label }: { readonly item: MenuItem; readonly label: string }) => (
  <li>
    <Link to={item.to} activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: item.to === '/' || item.to === '/blog' }}>
      {label}
    </Link>
  </li>
);

/** The side menu: Home, then each section that has a screen for this user, under its name. */
export const Nav = ({ items }: { readonly items: readonly MenuItem[] }) => {
  const t = useMessages(labels);
  const sections = GROUPS.map((group) => ({ group, entries: items.filter((item) => item.group === group) })).filter(
    (section) => section.entries.length > 0,
  );
  return (
    <nav aria-label={t.main} className="side-menu">
      <ul>
        {items
          .filter((item) => !item.group)
          .map((item) => (
            <MenuLink key={item.to} item={item} label={t[item.label]} />
          ))}
      </ul>
      {sections.map(({ group, entries }) => (
        <section key={group} aria-labelledby={`menu-${group}`}>
          <h2 id={`menu-${group}`}>{t[group]}</h2>
          <ul>
            {entries.map((item) => (
              <MenuLink key={item.to} item={item} label={t[item.label]} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
};
