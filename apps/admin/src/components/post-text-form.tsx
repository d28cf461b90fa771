import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PostText } from '../api/blog.js';

interface Props {
  readonly legend: string;
  readonly submitLabel: string;
  readonly initial?: Partial<PostText>;
  readonly pending: boolean;
  readonly onSubmit: (text: PostText) => void;
}

/** A post's title, slug and body (Markdown), with a preview of the body as plain paragraphs. */
export const PostTextForm = ({ legend, submitLabel, initial, pending, onSubmit }: Props) => {
  const id = useId();
  const [preview, setPreview] = useState(false);
  const { register, handleSubmit, watch } = useForm<PostText>({ defaultValues: { title: '', slug: '', body: '', ...initial } });
  const body = watch('body') ?? '';
  const submit = handleSubmit((t) =>
    onSubmit({ title: t.title.trim(), ...(t.slug?.trim() ? { slug: t.slug.trim() } : {}), body: t.body ?? '' }),
  );
  return (
    <form className="stack wide" onSubmit={submit}>
      <fieldset>
        <legend>{legend}</legend>
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} required {...register('title')} />
        <label htmlFor={`${id}-slug`}>Slug (optional)</label>
        <input id={`${id}-slug`} pattern="[a-z0-9]+(-[a-z0-9]+)*" {...register('slug')} />
        <label htmlFor={`${id}-body`}>Body (Markdown)</label>
        <textarea id={`${id}-body`} rows={8} {...register('body')} />
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Hide preview' : 'Preview'}
        </button>
        {preview ? (
          <section className="preview" aria-label="Preview">
            {body.split(/\n{2,}/).map((paragraph, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
              <p key={i}>{paragraph}</p>
            ))}
          </section>
        ) : null}
      </fieldset>
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
};
