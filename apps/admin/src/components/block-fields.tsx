import { useId } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { BLOCK_SCHEMAS, type BlockKind, isBlockKind } from './block-kinds.js';
import { type JsonSchema, SchemaField } from './schema-form.js';

export const blockMessages = defineMessages({
  en: {
    hero: 'Hero',
    rich_text: 'Text',
    image: 'Image',
    product_grid: 'Product grid',
    flex_list: 'Custom type entries',
    schema: 'Custom type (slug)',
    limit: 'How many entries (at most 24)',
    title: 'Title',
    subtitle: 'Subtitle',
    imageUrl: 'Image URL',
    ctaUrl: 'Button link',
    markdown: 'Text (Markdown)',
    url: 'Image URL',
    alt: 'Alternative text',
    productIds: 'Product ids',
    oneId: 'One product id per line',
    linkHint: 'https://… or a path on the site such as /about',
    unknown: 'A kind of block this app does not edit; it is kept as it is.',
  },
  ru: {
    hero: 'Заставка',
    rich_text: 'Текст',
    image: 'Изображение',
    product_grid: 'Сетка товаров',
    flex_list: 'Записи своего типа',
    schema: 'Свой тип (ключ)',
    limit: 'Сколько записей (не больше 24)',
    title: 'Заголовок',
    subtitle: 'Подзаголовок',
    imageUrl: 'Адрес изображения',
    ctaUrl: 'Ссылка кнопки',
    markdown: 'Текст (Markdown)',
    url: 'Адрес изображения',
    alt: 'Альтернативный текст',
    productIds: 'Идентификаторы товаров',
    oneId: 'По одному идентификатору товара в строке',
    linkHint: 'https://… или путь на сайте, например /about',
    unknown: 'Этот вид блока приложение не редактирует; он сохраняется как есть.',
  },
});

type Texts = (typeof blockMessages)['en'];
type Data = Readonly<Record<string, unknown>>;

/** The kind's schema with its fields titled (and links and lists explained) in the chosen language. */
const titled = (kind: BlockKind, t: Texts): Readonly<Record<string, JsonSchema>> => {
  const titles = t as unknown as Readonly<Record<string, string>>;
  const out: Record<string, JsonSchema> = {};
  for (const [key, schema] of Object.entries(BLOCK_SCHEMAS[kind].properties) as [string, JsonSchema][]) {
    const description = schema.pattern ? t.linkHint : schema.type === 'array' ? t.oneId : undefined;
    out[key] = { ...schema, title: titles[key] ?? key, ...(description ? { description } : {}) };
  }
  return out;
};

const MarkdownField = ({ label, value, onChange }: { label: string; value: unknown; onChange: (next: string) => void }) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={6}
        maxLength={200_000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
};

/** The fields of one block, from its kind's schema; rich text as a Markdown text area. */
export const BlockFields = ({ type, data, onChange }: { type: string; data: Data; onChange: (next: Data) => void }) => {
  const t = useMessages(blockMessages);
  if (!isBlockKind(type)) return <p className="hint">{t.unknown}</p>;
  if (type === 'rich_text') {
    const key = typeof data.markdown === 'string' || data.html === undefined ? 'markdown' : 'html';
    return <MarkdownField label={t.markdown} value={data[key]} onChange={(v) => onChange({ [key]: v })} />;
  }
  return (
    <>
      {Object.entries(titled(type, t)).map(([key, schema]) => (
        <SchemaField
          key={key}
          label={schema.title ?? key}
          schema={schema}
          value={data[key]}
          onChange={(v) => onChange({ ...data, [key]: v })}
        />
      ))}
    </>
  );
};
