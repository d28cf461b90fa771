import { type ReactNode, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PostText } from '../api/blog.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { MarkdownPreview } from './markdown-preview.js';

const messages = defineMessages({
  en: {
    title: 'Title',
    slug: 'Slug (optional)',
    excerpt: 'Excerpt (optional)',
    body: 'Body (Markdown)',
    preview: 'Preview',
    hidePreview: 'Hide preview',
    emptyPreview: 'Nothing to preview yet.',
  },
  ru: {
    title: 'Заголовок',
    slug: 'Адрес (необязательно)',
    excerpt: 'Анонс (необязательно)',
    body: 'Текст (Markdown)',
    preview: 'Предпросмотр',
    hidePreview: 'Скрыть предпросмотр',
    emptyPreview: 'Пока нечего показать.',
  },
});

interface Props {
  readonly legend: string;
  readonly submitLabel: string;
  readonly initial?: Partial<PostText>;
  readonly pending: boolean;
  /** Whether the preview pane is open from the start (it follows the body as it is typed). */
  readonly previewOpen?: boolean;
  /** More fields of the same form (the editor's category and tags). */
  readonly children?: ReactNode;
  readonly onSubmit: (text: PostText) => void;
}

interface Values {
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string;
  readonly body: string;
}

const textOf = (v: Values): PostText => ({
  title: v.title.trim(),
  ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
  excerpt: v.excerpt.trim() || null,
  body: v.body,
});

/** A post's title, slug, excerpt and body (Markdown), with a live preview of the body beside it. */
export const PostTextForm = ({ legend, submitLabel, initial, pending, previewOpen = false, children, onSubmit }: Props) => {
  const id = useId();
  const t = useMessages(messages);
  const [preview, setPreview] = useState(previewOpen);
  const defaultValues: Values = {
    title: initial?.title ?? '',
    slug: initial?.slug ?? '',
    excerpt: initial?.excerpt ?? '',
    body: initial?.body ?? '',
  };
  const { register, handleSubmit, watch } = useForm<Values>({ defaultValues });
  const body = watch('body') ?? '';
  return (
    <form className={preview ? 'stack editor-split' : 'stack wide'} onSubmit={handleSubmit((v) => onSubmit(textOf(v)))}>
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={`${id}-title`}>{t.title}</label>
        <input id={`${id}-title`} required {...register('title')} />
        <label htmlFor={`${id}-slug`}>{t.slug}</label>
        <input id={`${id}-slug`} pattern="[a-z0-9]+(-[a-z0-9]+)*" {...register('slug')} />
        <label htmlFor={`${id}-excerpt`}>{t.excerpt}</label>
        <textarea id={`${id}-excerpt`} rows={2} maxLength={2000} {...register('excerpt')} />
        <label htmlFor={`${id}-body`}>{t.body}</label>
        <textarea id={`${id}-body`} rows={12} {...register('body')} />
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? t.hidePreview : t.preview}
        </button>
      </fieldset>
      {preview ? (
        <section className="preview" aria-label={t.preview}>
          {body.trim() ? <MarkdownPreview source={body} /> : <p className="hint">{t.emptyPreview}</p>}
        </section>
      ) : null}
      {children}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
};
