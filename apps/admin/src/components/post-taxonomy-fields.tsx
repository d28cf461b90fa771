import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { categoriesQuery, tagsQuery, treeOrder } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: { legend: 'Category and tags', category: 'Category', none: 'No category', tags: 'Tags', noTags: 'No tags yet.' },
  ru: { legend: 'Рубрика и метки', category: 'Рубрика', none: 'Без рубрики', tags: 'Метки', noTags: 'Меток пока нет.' },
});

interface Props {
  readonly categoryId: string | null;
  readonly tagIds: readonly string[];
  readonly onChange: (next: { categoryId: string | null; tagIds: string[] }) => void;
}

/** The post's category (one, from the tree) and tags (any number), chosen among the tenant's. */
export const PostTaxonomyFields = ({ categoryId, tagIds, onChange }: Props) => {
  const id = useId();
  const t = useMessages(messages);
  const categories = useQuery(categoriesQuery);
  const tags = useQuery(tagsQuery);
  const error = categories.error ?? tags.error;
  const toggle = (tagId: string, on: boolean) =>
    onChange({ categoryId, tagIds: on ? [...tagIds, tagId] : tagIds.filter((x) => x !== tagId) });
  return (
    <fieldset>
      <legend>{t.legend}</legend>
      {error ? <ErrorNotice error={error} /> : null}
      <label htmlFor={`${id}-category`}>{t.category}</label>
      <select
        id={`${id}-category`}
        value={categoryId ?? ''}
        onChange={(e) => onChange({ categoryId: e.target.value || null, tagIds: [...tagIds] })}
      >
        <option value="">{t.none}</option>
        {treeOrder(categories.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {`${'\u2003'.repeat(c.depth)}${c.name}`}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t.tags}</legend>
        {tags.data?.items.length === 0 ? <p className="hint">{t.noTags}</p> : null}
        <div className="row">
          {(tags.data?.items ?? []).map((tag) => (
            <label key={tag.id} className="field check">
              <input type="checkbox" checked={tagIds.includes(tag.id)} onChange={(e) => toggle(tag.id, e.target.checked)} />
              {tag.name}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
};
