import type { ComponentChildren } from 'preact';
import { type NavLink, type PageContext, shopNameOf } from '../context.js';
import { common } from '../i18n/common.js';
import { messagesFor } from '../i18n/messages.js';

const NavList = ({ links, label }: { links: readonly NavLink[]; label: string }) =>
  links.length === 0 ? null : (
    <nav aria-label={label}>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href}>{link.label}</a>
            {link.children.length > 0 ? (
              <ul>
                {link.children.map((child) => (
                  <li>
                    <a href={child.href}>{child.label}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );

/** The same page in another of the tenant's locales (the default one has no prefix). */
export const localeHref = (ctx: PageContext, locale: string): string => {
  const prefix = locale === ctx.site.defaultLocale ? '' : `/${locale}`;
  return prefix && ctx.path === '/' ? prefix : `${prefix}${ctx.path}`;
};

const LocaleSwitch = ({ ctx, label }: { ctx: PageContext; label: string }) => {
  const { supportedLocales } = ctx.site;
  if (supportedLocales.length < 2) return null;
  return (
    <nav aria-label={label} class="locales">
      <ul>
        {supportedLocales.map((locale) => (
          <li>
            <a href={localeHref(ctx, locale)} hreflang={locale} lang={locale} aria-current={locale === ctx.locale ? 'true' : undefined}>
              {locale.toUpperCase()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};

/** The frame of every page: header (shop, navigation, search, cart, account), main, footer. */
export const Layout = ({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) => {
  const t = messagesFor(common, ctx.locale);
  const name = shopNameOf(ctx.site);
  const logo = ctx.site.storefront.logoUrl;
  return (
    <body>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header class="site-header">
        <a class="brand" href={ctx.href('/')}>
          {logo ? <img src={logo} alt={name} width="160" height="40" /> : name}
        </a>
        <NavList links={ctx.nav.main} label={t.catalog} />
        <search class="search">
          <form action={ctx.href('/search')} method="get">
            <label for="site-search" class="visually-hidden">
              {t.search}
            </label>
            <input id="site-search" type="search" name="q" placeholder={t.searchPlaceholder} />
            <button type="submit">{t.search}</button>
          </form>
        </search>
        <a class="account-link" href={ctx.href('/account')}>
          {t.account}
        </a>
        <a class="cart-link" href={ctx.href('/cart')}>
          {t.cart}
        </a>
      </header>
      <main id="main">{children}</main>
      <footer class="site-footer">
        <NavList links={ctx.nav.footer} label={name} />
        <LocaleSwitch ctx={ctx} label={t.language} />
        <p class="powered">{t.poweredBy}</p>
      </footer>
    </body>
  );
};
