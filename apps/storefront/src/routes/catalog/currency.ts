import { COOKIE, setCookie } from '../../http/cookies.js';
import type { PageRoute } from '../../page-types.js';
import { field, localPath } from '../../session.js';
import { formRoute } from '../shop/guard.js';

/** How long the chosen currency is kept. */
const CURRENCY_COOKIE_SECONDS = 365 * 24 * 3600;

/** POST /currency (`currency`, `back`): the currency prices are shown in (a cookie), then back to the page (303). */
export const currencyRoute: PageRoute = formRoute('/currency', async (ctx, _params, request, reply) => {
  const currency = field(request.body, 'currency').toUpperCase();
  if (/^[A-Z]{3}$/.test(currency)) setCookie(request, reply, COOKIE.currency, currency, { maxAge: CURRENCY_COOKIE_SECONDS });
  return { redirect: localPath(field(request.body, 'back')) ?? ctx.href('/'), status: 303 };
});
