import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { meQuery } from '../api/auth.js';
import { type Menu, menuQuery, menusQuery, updateMenu } from '../api/menus.js';
import { pagesQuery } from '../api/pages.js';
import { can } from '../api/permissions.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { ErrorNotice } from '../components/error-notice.js';
import { MenuTree } from '../components/menu-tree.js';
import { type DraftItem, draftsOf, inputsOf } from '../components/menu-tree-ops.js';
import { TextField } from '../components/text-field.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All menus',
    details: 'Menu',
    name: 'Name',
    handle: 'Handle',
    save: 'Save menu',
    saved: 'Menu saved.',
    unsaved: 'Unsaved changes.',
  },
  ru: {
    back: 'Все меню',
    details: 'Меню',
    name: 'Название',
    handle: 'Ключ',
    save: 'Сохранить меню',
    saved: 'Меню сохранено.',
    unsaved: 'Есть несохранённые изменения.',
  },
});

/** The menu's tree as it is edited, whether it changed since the last save, and saving name, handle and the whole tree. */
const useMenuDraft = (menu: Menu) => {
  const [tree, setTree] = useState<readonly DraftItem[]>(() => draftsOf(menu.items));
  const [dirty, setDirty] = useState(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateMenu,
    onSuccess: (next) => {
      queryClient.setQueryData(menuQuery(menu.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: menusQuery.queryKey });
      setTree(draftsOf(next.items));
      setDirty(false);
    },
  });
  const edit = (next: readonly DraftItem[]) => {
    setTree(next);
    setDirty(true);
    save.reset();
  };
  return { tree, edit, dirty, touch: () => setDirty(true), save };
};

/** One menu: its name and handle, and its item tree; saving replaces the whole tree. */
export const MenuDetail = () => {
  const { id } = getRouteApi('/app/menus/$id').useParams();
  const { data: menu } = useSuspenseQuery(menuQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: locales } = useSuspenseQuery(tenantLocalesQuery);
  const { data: pages } = useSuspenseQuery(pagesQuery);
  const t = useMessages(messages);
  const { tree, edit, dirty, touch, save } = useMenuDraft(menu);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      id,
      name: String(data.get('name') ?? '').trim(),
      handle: String(data.get('handle') ?? '').trim(),
      items: inputsOf(tree),
    });
  };
  const ordered = [locales.defaultLocale, ...locales.supportedLocales.filter((l) => l !== locales.defaultLocale)];
  return (
    <>
      <p>
        <Link to="/menus">{t.back}</Link>
      </p>
      <h1>{menu.name}</h1>
      <form onSubmit={submit} onChange={touch} aria-label={t.details}>
        <fieldset className="stack wide" disabled={!can(me, 'pages.menus.manage')}>
          <legend>{t.details}</legend>
          <TextField label={t.name} name="name" required maxLength={200} defaultValue={menu.name} />
          <TextField label={t.handle} name="handle" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={100} defaultValue={menu.handle} />
          <MenuTree tree={tree} onChange={edit} locales={ordered} pages={pages.items} />
          <p role="status" className="hint">
            {dirty ? t.unsaved : ''} {save.isSuccess ? t.saved : ''}
          </p>
          {save.error ? <ErrorNotice error={save.error} /> : null}
          <button type="submit" disabled={save.isPending}>
            {t.save}
          </button>
        </fieldset>
      </form>
    </>
  );
};
