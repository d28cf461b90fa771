import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { createTag, tagsQuery } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: { heading: 'Tags', empty: 'No tags yet.', name: 'Tag name', create: 'Create tag' },
  ru: { heading: 'Метки', empty: 'Меток пока нет.', name: 'Название метки', create: 'Создать метку' },
});

/** Every tag of the tenant, and a form for a new one. */
export const TagList = ({ canManage }: { readonly canManage: boolean }) => {
  const id = useId();
  const t = useMessages(messages);
  const tags = useQuery(tagsQuery);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: createTag,
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: tagsQuery.queryKey });
    },
  });
  const items = tags.data?.items ?? [];
  return (
    <section aria-labelledby="tags">
      <h2 id="tags">{t.heading}</h2>
      {tags.error ? <ErrorNotice error={tags.error} /> : null}
      {tags.data && items.length === 0 ? <p>{t.empty}</p> : null}
      <ul className="tags">
        {items.map((tag) => (
          <li key={tag.id} data-testid="tag">
            {tag.name} <code>{tag.slug}</code>
          </li>
        ))}
      </ul>
      {canManage ? (
        <form
          className="row inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name: name.trim() });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>{t.name}</label>
            <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <button type="submit" disabled={create.isPending}>
            {t.create}
          </button>
          {create.error ? <ErrorNotice error={create.error} /> : null}
        </form>
      ) : null}
    </section>
  );
};
