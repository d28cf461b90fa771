import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { deleteShopItem, type ShopItems, type ShopResource, saveShopItem, shopListQuery } from '../api/shop-settings.js';
import { useContractChecks } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    none: 'None yet.',
    actions: 'Actions',
    edit: (name: string) => `Edit ${name}`,
    remove: (name: string) => `Delete ${name}`,
    confirm: (name: string) => `Delete ${name}? This cannot be undone.`,
    yes: 'Yes, delete',
    create: 'Create',
    save: 'Save changes',
    cancel: 'Cancel editing',
    saved: (name: string) => `Saved ${name}.`,
    deleted: (name: string) => `Deleted ${name}.`,
  },
  ru: {
    none: 'Пока ничего нет.',
    actions: 'Действия',
    edit: (name: string) => `Изменить ${name}`,
    remove: (name: string) => `Удалить ${name}`,
    confirm: (name: string) => `Удалить ${name}? Отменить это нельзя.`,
    yes: 'Да, удалить',
    create: 'Создать',
    save: 'Сохранить',
    cancel: 'Отменить правку',
    saved: (name: string) => `${name}: сохранено.`,
    deleted: (name: string) => `${name}: удалено.`,
  },
});

export interface SectionProps<R extends ShopResource> {
  readonly resource: R;
  readonly title: string;
  readonly items: readonly ShopItems[R][];
  readonly headers: readonly string[];
  readonly cells: (item: ShopItems[R]) => readonly ReactNode[];
  /** How the item is named in buttons and questions. */
  readonly nameOf: (item: ShopItems[R]) => string;
  readonly newTitle: string;
  readonly editTitle: (name: string) => string;
  /** The form's fields, filled from the item being edited (none: a new one). */
  readonly fields: (item: ShopItems[R] | undefined) => ReactNode;
  /** The body to send: everything for a new one, only what may change for an edit. */
  readonly bodyOf: (data: FormData, item: ShopItems[R] | undefined) => object;
}

interface TableProps<R extends ShopResource> extends Pick<SectionProps<R>, 'items' | 'headers' | 'cells' | 'nameOf'> {
  readonly labelledBy: string;
  readonly deleting: boolean;
  readonly onEdit: (item: ShopItems[R]) => void;
  readonly onDelete: (item: ShopItems[R]) => void;
}

const ShopTable = <R extends ShopResource>(p: TableProps<R>) => {
  const t = useMessages(messages);
  if (p.items.length === 0) return <p>{t.none}</p>;
  return (
    <table aria-labelledby={p.labelledBy}>
      <thead>
        <tr>
          {p.headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
          <th scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {p.items.map((item) => (
          <tr key={item.id}>
            {p.cells(item).map((cell, i) => (
              <td key={p.headers[i]}>{cell}</td>
            ))}
            <td>
              <div className="row">
                <button type="button" onClick={() => p.onEdit(item)}>
                  {t.edit(p.nameOf(item))}
                </button>
                <ConfirmAction
                  label={t.remove(p.nameOf(item))}
                  question={t.confirm(p.nameOf(item))}
                  confirmLabel={t.yes}
                  disabled={p.deleting}
                  onConfirm={() => p.onDelete(item)}
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The section's state: the item being edited (none: the form makes a new one), what was last done, and the two mutations. */
const useShopSection = <R extends ShopResource>(resource: R, nameOf: (item: ShopItems[R]) => string) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ShopItems[R]>();
  const [done, setDone] = useState('');
  const reload = () => queryClient.invalidateQueries({ queryKey: shopListQuery(resource).queryKey });
  const check = useContractChecks();
  const save = useMutation({
    mutationFn: (change: Parameters<typeof saveShopItem<R>>[0]) => {
      check(change.id ? `PATCH /api/v1/commerce/${resource}/{id}` : `POST /api/v1/commerce/${resource}`, change.body);
      return saveShopItem<R>(change);
    },
    onSuccess: reload,
  });
  const remove = useMutation({ mutationFn: deleteShopItem, onSuccess: reload });
  const submit = (form: HTMLFormElement, body: object) => {
    setDone('');
    save.mutate(
      { resource, ...(editing ? { id: editing.id } : {}), body },
      {
        onSuccess: (item) => {
          setDone(t.saved(nameOf(item)));
          setEditing(undefined);
          form.reset();
        },
      },
    );
  };
  const edit = (item: ShopItems[R] | undefined) => {
    save.reset();
    setDone('');
    setEditing(item);
  };
  const drop = (item: ShopItems[R]) => {
    setDone('');
    remove.mutate({ resource, id: item.id }, { onSuccess: () => setDone(t.deleted(nameOf(item))) });
  };
  return { editing, done, save, remove, submit, edit, drop };
};

/** One kind of shop setting: its table, a form for a new one or the one being edited, and deletion after a question. */
export const ShopSection = <R extends ShopResource>(p: SectionProps<R>) => {
  const t = useMessages(messages);
  const s = useShopSection(p.resource, p.nameOf);
  const form = useRef<HTMLFormElement>(null);
  // Editing starts in the form below the table: the first field that may change takes the focus.
  useEffect(() => {
    if (s.editing) form.current?.querySelector<HTMLElement>('input:enabled, select:enabled')?.focus();
  }, [s.editing]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    s.submit(event.currentTarget, p.bodyOf(new FormData(event.currentTarget), s.editing));
  };
  const id = `${p.resource}-title`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{p.title}</h2>
      <ShopTable<R> {...p} labelledBy={id} deleting={s.remove.isPending} onEdit={s.edit} onDelete={s.drop} />
      {s.remove.error ? <ErrorNotice error={s.remove.error} /> : null}
      <p role="status">{s.done}</p>
      <form ref={form} key={s.editing?.id ?? 'new'} className="stack shop-form" onSubmit={submit} aria-labelledby={`${id}-form`}>
        <h3 id={`${id}-form`}>{s.editing ? p.editTitle(p.nameOf(s.editing)) : p.newTitle}</h3>
        {p.fields(s.editing)}
        {s.save.error ? <ErrorNotice error={s.save.error} /> : null}
        <div className="row">
          <button type="submit" disabled={s.save.isPending}>
            {s.editing ? t.save : t.create}
          </button>
          {s.editing ? (
            <button type="button" onClick={() => s.edit(undefined)}>
              {t.cancel}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
};
