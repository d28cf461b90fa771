import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { PageContext } from '../context.js';
import { Layout } from './layout.js';

/** What a page puts in its head. */
export interface Head {
  readonly title: string;
  readonly description?: string | undefined;
  /** The page's path without the locale prefix (canonical and hreflang addresses are made from it); none: not indexable. */
  readonly canonicalPath?: string | undefined;
  readonly noindex?: boolean;
  readonly ogType?: 'website' | 'product' | 'article';
  readonly ogImage?: string | undefined;
  /** JSON-LD objects (schema.org), one script each. */
  readonly jsonLd?: readonly object[];
}

/** Island scripts a page needs, by name (`variant-picker`), loaded as modules. */
export interface Assets {
  readonly css: string;
  script(name: string): string | undefined;
}

/** JSON inside a script element: `<` escaped so no text can close the element. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const themeStyle = (ctx: PageContext): string => {
  const colors = ctx.site.storefront.colors ?? {};
  const vars = Object.entries(colors)
    .filter(([, value]) => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
    .map(([name, value]) => `--${name}:${value}`);
  return vars.length ? `:root{${vars.join(';')}}` : '';
};

const alternates = (ctx: PageContext, path: string): VNode[] => {
  const { defaultLocale, supportedLocales } = ctx.site;
  const links = supportedLocales.map((locale) => (
    <link rel="alternate" hreflang={locale} href={`${ctx.origin}${locale === defaultLocale ? '' : `/${locale}`}${path}`} />
  ));
  links.push(<link rel="alternate" hreflang="x-default" href={`${ctx.origin}${path}`} />);
  return links;
};

const HeadTags = ({ ctx, head, assets, islands }: { ctx: PageContext; head: Head; assets: Assets; islands: readonly string[] }) => {
  const canonical = head.canonicalPath === undefined ? undefined : `${ctx.origin}${ctx.prefix}${head.canonicalPath}`;
  const style = themeStyle(ctx);
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {/* No /favicon.ico to ask for (each would cost a 404 page). */}
      <link rel="icon" href="data:," />
      <title>{head.title}</title>
      {head.description ? <meta name="description" content={head.description} /> : null}
      {head.noindex || canonical === undefined ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
      {canonical !== undefined && !head.noindex ? alternates(ctx, head.canonicalPath ?? '/') : null}
      <meta property="og:title" content={head.title} />
      <meta property="og:type" content={head.ogType ?? 'website'} />
      <meta property="og:site_name" content={ctx.site.storefront.name ?? ctx.site.tenant.name} />
      <meta property="og:locale" content={ctx.locale} />
      {canonical ? <meta property="og:url" content={canonical} /> : null}
      {head.description ? <meta property="og:description" content={head.description} /> : null}
      {head.ogImage ? <meta property="og:image" content={head.ogImage} /> : null}
      <link rel="stylesheet" href={assets.css} />
      {style ? <style>{style}</style> : null}
      {(head.jsonLd ?? []).map((data) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
      ))}
      {islands.map((name) => {
        const src = assets.script(name);
        return src ? <script type="module" src={src} /> : null;
      })}
    </head>
  );
};

export interface DocumentInput {
  readonly ctx: PageContext;
  readonly head: Head;
  readonly body: ComponentChildren;
  readonly assets: Assets;
  /** The islands the body holds (their scripts are loaded). */
  readonly islands?: readonly string[];
}

/** A whole HTML page: head (title, SEO, theme, JSON-LD, island scripts) and the shared frame around the body. */
export const renderDocument = (input: DocumentInput): string =>
  `<!doctype html>${render(
    <html lang={input.ctx.locale}>
      <HeadTags ctx={input.ctx} head={input.head} assets={input.assets} islands={input.islands ?? []} />
      <Layout ctx={input.ctx}>{input.body}</Layout>
    </html>,
  )}`;
