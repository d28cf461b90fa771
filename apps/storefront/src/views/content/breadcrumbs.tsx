import type { PageContext } from '../../context.js';

/** One step of a trail: its name and path (without the locale prefix); the last is the page itself. */
export interface Crumb {
  readonly name: string;
  readonly path: string;
}

/** The trail as links, the current page last (aria-current). */
export const Breadcrumbs = ({ ctx, trail, label }: { ctx: PageContext; trail: readonly Crumb[]; label: string }) => (
  <nav class="breadcrumbs" aria-label={label}>
    <ol>
      {trail.map((crumb, i) => (
        <li>{i === trail.length - 1 ? <span aria-current="page">{crumb.name}</span> : <a href={ctx.href(crumb.path)}>{crumb.name}</a>}</li>
      ))}
    </ol>
  </nav>
);

/** The absolute address of a site path in the page's locale. */
export const absoluteUrl = (ctx: PageContext, path: string): string => `${ctx.origin}${ctx.href(path)}`;

/** schema.org BreadcrumbList of the trail. */
export const breadcrumbJsonLd = (ctx: PageContext, trail: readonly Crumb[]): object => ({
  '@context': 'https://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: trail.map((crumb, i) => ({
    '@type': 'ListItem',
    position: i + 1,
    name: crumb.name,
    item: absoluteUrl(ctx, crumb.path),
  })),
});
