import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { messagesFor } from '../../i18n/messages.js';
import type { FlexList, FlexListField } from '../../routes/content/flex-lists.js';

/** A localized value in the page's locale (else the shop's default, else any). */
const inLocale = (ctx: PageContext, value: Readonly<Record<string, unknown>>): unknown =>
  value[ctx.locale] ?? value[ctx.site.defaultLocale] ?? Object.values(value)[0];

const LOCALIZED = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const isLocalized = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((k) => LOCALIZED.test(k));

/** A value as words: lists joined, yes/no, money with its code, groups as "key: value". */
const textOf = (ctx: PageContext, value: unknown): string => {
  const t = messagesFor(contentMessages, ctx.locale);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => textOf(ctx, v)).join(', ');
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.currencyCode === 'string') return `${(o.amount / 100).toFixed(2)} ${o.currencyCode}`;
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${textOf(ctx, v)}`)
      .join('; ');
  }
  return String(value);
};

const FieldValue = ({ ctx, field, value }: { ctx: PageContext; field: FlexListField; value: unknown }) => {
  const shown = isLocalized(value) && field.type !== 'json' ? inLocale(ctx, value) : value;
  // Rich text is stored sanitised by the platform (as a rich_text block's HTML is).
  if (field.type === 'rich_text' && typeof shown === 'string') return <dd dangerouslySetInnerHTML={{ __html: shown }} />;
  return <dd>{textOf(ctx, shown)}</dd>;
};

/** A flex_list block: its entries as cards, each public field as a label and its value. */
export const FlexListView = ({ ctx, list, title, limit }: { ctx: PageContext; list: FlexList; title?: string; limit: number }) => {
  const entries = list.entries.slice(0, limit);
  if (entries.length === 0 || list.fields.length === 0) return null;
  return (
    <section data-block="flex_list" aria-label={title ?? undefined}>
      {title ? <h2>{title}</h2> : null}
      <ul class="grid flex-list">
        {entries.map((entry) => (
          <li class="card" data-entry={entry.id}>
            <dl>
              {list.fields
                .filter((field) => entry.values[field.key] !== undefined)
                .map((field) => (
                  <>
                    <dt>{field.label}</dt>
                    <FieldValue ctx={ctx} field={field} value={entry.values[field.key]} />
                  </>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
};
