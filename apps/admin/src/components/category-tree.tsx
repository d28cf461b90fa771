import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Category, categoriesQuery, createCategory } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { CategoryParentSelect } from './category-parent-select.js';
import { CategoryRow } from './category-row.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    heading: 'Categories',
    empty: 'No categories yet.',
    legend: 'New category',
    name: 'Category name',
    parent: 'Under',
    create: 'Create category',
  },
  ru: {
    heading: 'Рубрики',
    empty: 'Рубрик пока нет.',
    legend: 'Новая рубрика',
    name: 'Название рубрики',
    parent: 'Внутри',
    create: 'Создать рубрику',
  },
});

/** The categories under one parent, each with its own subtree (nested lists). */
const Level = ({ parentId, all, canManage }: { parentId: string | null; all: readonly Category[]; canManage: boolean }) => {
  const level = all.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  if (level.length === 0) return null;
  return (
    <ul className="tree">
      {level.map((c) => (
        <CategoryRow key={c.id} category={c} all={all} canManage={canManage}>
          <Level parentId={c.id} all={all} canManage={canManage} />
        </CategoryRow>
      ))}
    </ul>
  );
};

const NewCategory = ({ all }: { all: readonly Category[] }) => {
  const id = useId();
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createCategory,
    onSuccess: async () => {
      setName('');
      setParentId(null);
      await queryClient.invalidateQueries({ queryKey: categoriesQuery.queryKey });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: name.trim(), parentId });
      }}
    >
      <fieldset>
        <legend>{t.legend}</legend>
        {create.error ? <ErrorNotice error={create.error} /> : null}
        <label htmlFor={`${id}-name`}>{t.name}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-parent`}>{t.parent}</label>
        <CategoryParentSelect id={`${id}-parent`} categories={all} value={parentId} onChange={setParentId} />
      </fieldset>
      <button type="submit" disabled={create.isPending}>
        {t.create}
      </button>
    </form>
  );
};

/** The category tree: each category with rename / move / delete, and a form for a new one. */
export const CategoryTree = ({ canManage }: { readonly canManage: boolean }) => {
  const t = useMessages(messages);
  const categories = useQuery(categoriesQuery);
  const all = categories.data?.items ?? [];
  return (
    <section aria-labelledby="categories">
      <h2 id="categories">{t.heading}</h2>
      {categories.error ? <ErrorNotice error={categories.error} /> : null}
      {categories.data && all.length === 0 ? <p>{t.empty}</p> : null}
      <Level parentId={null} all={all} canManage={canManage} />
      {canManage ? <NewCategory all={all} /> : null}
    </section>
  );
};
