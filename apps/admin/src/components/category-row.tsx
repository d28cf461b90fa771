import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { type Category, categoriesQuery, deleteCategory, descendantsOf, updateCategory } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { CategoryParentSelect } from './category-parent-select.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    edit: (name: string) => `Rename or move ${name}`,
    remove: (name: string) => `Delete ${name}`,
    question: (name: string) => `Delete the category “${name}”? Its subcategories move up a level; posts in it keep no category.`,
    confirm: 'Delete',
    name: 'Name',
    parent: 'Parent',
    save: 'Save',
    cancel: 'Cancel',
  },
  ru: {
    edit: (name: string) => `Переименовать или переместить: ${name}`,
    remove: (name: string) => `Удалить: ${name}`,
    question: (name: string) => `Удалить рубрику «${name}»? Её подрубрики поднимутся на уровень выше; записи в ней останутся без рубрики.`,
    confirm: 'Удалить',
    name: 'Название',
    parent: 'Родитель',
    save: 'Сохранить',
    cancel: 'Отмена',
  },
});

interface Props {
  readonly category: Category;
  readonly all: readonly Category[];
  readonly canManage: boolean;
  /** Its subcategories' list. */
  readonly children?: ReactNode;
}

/** The rename-and-move form of one category (it cannot go under itself or its descendants). */
const EditForm = ({ category, all, onDone }: { category: Category; all: readonly Category[]; onDone: () => void }) => {
  const id = useId();
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [name, setName] = useState(category.name);
  const [parentId, setParentId] = useState(category.parentId);
  const save = useMutation({
    mutationFn: updateCategory,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: categoriesQuery.queryKey });
      onDone();
    },
  });
  const exclude = new Set([category.id, ...descendantsOf(all, category.id)]);
  return (
    <form
      className="row inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: category.id, name: name.trim(), parentId });
      }}
    >
      {save.error ? <ErrorNotice error={save.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t.name}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-parent`}>{t.parent}</label>
        <CategoryParentSelect id={`${id}-parent`} categories={all} value={parentId} exclude={exclude} onChange={setParentId} />
      </div>
      <button type="submit" disabled={save.isPending}>
        {t.save}
      </button>
      <button type="button" onClick={onDone}>
        {t.cancel}
      </button>
    </form>
  );
};

/** One category of the tree (indented by its depth) with rename / move and delete. */
export const CategoryRow = ({ category, all, canManage, children }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: deleteCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesQuery.queryKey }),
  });
  return (
    <li data-testid="category">
      <span className="row">
        <strong>{category.name}</strong>
        <code>{category.slug}</code>
        {canManage && !editing ? (
          <>
            <button type="button" onClick={() => setEditing(true)}>
              {t.edit(category.name)}
            </button>
            <ConfirmAction
              label={t.remove(category.name)}
              question={t.question(category.name)}
              confirmLabel={t.confirm}
              disabled={remove.isPending}
              onConfirm={() => remove.mutate(category.id)}
            />
          </>
        ) : null}
      </span>
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      {editing ? <EditForm category={category} all={all} onDone={() => setEditing(false)} /> : null}
      {children}
    </li>
  );
};
