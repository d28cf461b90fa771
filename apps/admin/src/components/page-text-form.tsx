import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { type Page, pageQuery, updatePage } from '../api/pages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: { legend: 'Title and address', title: 'Title', slug: 'Slug', save: 'Save title and slug', saved: 'Saved.' },
  ru: { legend: 'Заголовок и адрес', title: 'Заголовок', slug: 'Адрес (slug)', save: 'Сохранить заголовок и адрес', saved: 'Сохранено.' },
});

/** The page's title and slug, changed together (a slug taken by another page is refused by the server). */
export const PageTextForm = ({ page }: { readonly page: Page }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updatePage,
    onSuccess: (next) => {
      queryClient.setQueryData(pageQuery(page.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['pages', 'list'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({ id: page.id, title: String(data.get('title') ?? '').trim(), slug: String(data.get('slug') ?? '').trim() });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="stack">
        <legend>{t.legend}</legend>
        <TextField label={t.title} name="title" required maxLength={500} defaultValue={page.title} />
        <TextField label={t.slug} name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={200} defaultValue={page.slug} />
        {save.error ? <ErrorNotice error={save.error} /> : null}
        {save.isSuccess ? <p role="status">{t.saved}</p> : null}
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
      </fieldset>
    </form>
  );
};
