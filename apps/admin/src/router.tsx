import { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { ApiError } from './api/problem.js';
import { ErrorNotice } from './components/error-notice.js';
import { accessTokensRoute } from './routes/access-tokens.js';
import { appRoute } from './routes/app.js';
import { blogCommentsRoute } from './routes/blog-comments.js';
import { blogPostRoute } from './routes/blog-post.js';
import { blogPostEditRoute } from './routes/blog-post-edit.js';
import { blogPostNewRoute } from './routes/blog-post-new.js';
import { blogPostsRoute } from './routes/blog-posts.js';
import { flexEntriesRoute } from './routes/flex-entries.js';
import { flexEntryRoute } from './routes/flex-entry.js';
import { flexEntryNewRoute } from './routes/flex-entry-new.js';
import { flexSchemaRoute } from './routes/flex-schema.js';
import { flexSchemaNewRoute } from './routes/flex-schema-new.js';
import { flexSchemasRoute } from './routes/flex-schemas.js';
import { forumRoute } from './routes/forum.js';
import { forumTopicRoute } from './routes/forum-topic.js';
import { homeRoute } from './routes/home.js';
import { mailRoute } from './routes/mail.js';
import { mailLogRoute } from './routes/mail-log.js';
import { mailSettingsRoute } from './routes/mail-settings.js';
import { mailTemplateRoute } from './routes/mail-template.js';
import { mediaRoute } from './routes/media.js';
import { menusRoute } from './routes/menus.js';
import { menuDetailRoute } from './routes/menus-detail.js';
import { modulesRoute } from './routes/modules.js';
import { notificationSettingsRoute } from './routes/notification-settings.js';
import { notificationsRoute } from './routes/notifications.js';
import { orderRoute } from './routes/order.js';
import { ordersRoute } from './routes/orders.js';
import { pagesRoute } from './routes/pages.js';
import { pageDetailRoute } from './routes/pages-detail.js';
import { priceListRoute } from './routes/price-list.js';
import { priceListsRoute } from './routes/price-lists.js';
import { productRoute } from './routes/product.js';
import { productNewRoute } from './routes/product-new.js';
import { productsRoute } from './routes/products.js';
import { rolesRoute } from './routes/roles.js';
import { rootRoute } from './routes/root.js';
import { scriptRoute } from './routes/script.js';
import { scriptNewRoute } from './routes/script-new.js';
import { scriptsRoute } from './routes/scripts.js';
import { searchIndexRoute } from './routes/search-index.js';
import { shopSettingsRoute } from './routes/shop-settings.js';
import { signInRoute } from './routes/sign-in.js';
import { systemRoute } from './routes/system.js';
import { taxonomyRoute } from './routes/taxonomy.js';
import { tenantsRoute } from './routes/tenants.js';
import { usersRoute } from './routes/users.js';
import { webhookRoute } from './routes/webhook.js';
import { webhookDeliveryRoute } from './routes/webhook-delivery.js';
import { webhookNewRoute } from './routes/webhook-new.js';
import { webhooksRoute } from './routes/webhooks.js';

const routeTree = rootRoute.addChildren([
  appRoute.addChildren([
    homeRoute,
    tenantsRoute,
    modulesRoute,
    productsRoute,
    productNewRoute,
    productRoute,
    priceListsRoute,
    priceListRoute,
    ordersRoute,
    orderRoute,
    shopSettingsRoute,
    systemRoute,
    blogPostsRoute,
    blogPostNewRoute,
    blogPostRoute,
    blogPostEditRoute,
    blogCommentsRoute,
    taxonomyRoute,
    usersRoute,
    rolesRoute,
    accessTokensRoute,
    searchIndexRoute,
    forumRoute,
    forumTopicRoute,
    pagesRoute,
    pageDetailRoute,
    menusRoute,
    menuDetailRoute,
    flexSchemasRoute,
    flexSchemaNewRoute,
    flexSchemaRoute,
    flexEntriesRoute,
    flexEntryNewRoute,
    flexEntryRoute,
    webhooksRoute,
    webhookNewRoute,
    webhookRoute,
    webhookDeliveryRoute,
    scriptsRoute,
    scriptNewRoute,
    scriptRoute,
    mailRoute,
    mailTemplateRoute,
    mailSettingsRoute,
    mailLogRoute,
    notificationsRoute,
    notificationSettingsRoute,
    mediaRoute,
  ]),
  signInRoute,
]);

export const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not turn out differently on a second try.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2 },
  },
});

export const router = createRouter({
  routeTree,
  basepath: '/admin',
  context: { queryClient },
  defaultPreload: 'intent',
  defaultErrorComponent: ({ error }) => <ErrorNotice error={error instanceof Error ? error : new Error(String(error))} />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
