import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { formatMoney } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import type { CustomField } from '../../routes/catalog/custom-labels.js';

/** A value as words: lists joined, yes/no, money in the page's format, groups as "key: value". */
const textOf = (ctx: PageContext, value: unknown): string => {
  const t = messagesFor(contentMessages, ctx.locale);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => textOf(ctx, v)).join(', ');
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.currencyCode === 'string') return formatMoney(ctx.locale, o.amount, o.currencyCode);
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${textOf(ctx, v)}`)
      .join('; ');
  }
  return String(value);
};

/**
 * A product's public custom values (flex fields, localized ones already in the page's locale) as a
 * definition list: the field's label, its value. Rich text is stored sanitised by the platform.
 */
export const CustomValues = ({
  ctx,
  values,
  fields,
}: {
  ctx: PageContext;
  values: Readonly<Record<string, unknown>> | undefined;
  fields: ReadonlyMap<string, CustomField>;
}) => {
  const entries = Object.entries(values ?? {}).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <dl class="custom-values">
      {entries.map(([name, value]) => {
        const field = fields.get(name);
        return (
          <>
            <dt>{field?.label ?? name.slice(name.indexOf('.') + 1)}</dt>
            {field?.type === 'rich_text' && typeof value === 'string' ? (
              <dd dangerouslySetInnerHTML={{ __html: value }} />
            ) : (
              <dd>{textOf(ctx, value)}</dd>
            )}
          </>
        );
      })}
    </dl>
  );
};
