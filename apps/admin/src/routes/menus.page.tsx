import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { meQuery } from '../api/auth.js';
import { createMenu, menusQuery } from '../api/menus.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TextField } from '../components/text-field.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Menus',
    none: 'No menus yet.',
    name: 'Name',
    handle: 'Handle',
    handleHint: 'How the storefront asks for it: lower-case words joined by hyphens, e.g. main or footer-links.',
    newMenu: 'New menu',
    create: 'Create menu',
  },
  ru: {
    title: 'Меню',
    none: 'Меню пока нет.',
    name: 'Название',
    handle: 'Ключ',
    handleHint: 'По нему витрина запрашивает меню: строчные слова через дефис, например main или footer-links.',
    newMenu: 'Новое меню',
    create: 'Создать меню',
  },
});

/** A new menu starts empty; its screen opens to add items. */
const NewMenu = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createMenu,
    onSuccess: async (menu) => {
      await queryClient.invalidateQueries({ queryKey: menusQuery.queryKey });
      await navigate({ to: '/menus/$id', params: { id: menu.id } });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({ name: String(data.get('name') ?? '').trim(), handle: String(data.get('handle') ?? '').trim() });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="new-menu">
      <h2 id="new-menu">{t.newMenu}</h2>
      <TextField label={t.name} name="name" required maxLength={200} />
      <TextField label={t.handle} name="handle" hint={t.handleHint} required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={100} />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <button type="submit" disabled={create.isPending}>
        {t.create}
      </button>
    </form>
  );
};

/** The tenant's menus by handle; a new one below (pages.menus.manage). */
export const Menus = () => {
  const t = useMessages(messages);
  const { data: me } = useSuspenseQuery(meQuery);
  const list = useQuery(menusQuery);
  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.data && items.length === 0 ? <p>{t.none}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.handle}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((menu) => (
              <tr key={menu.id}>
                <td>
                  <Link to="/menus/$id" params={{ id: menu.id }}>
                    {menu.name}
                  </Link>
                </td>
                <td>{menu.handle}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {can(me, 'pages.menus.manage') ? <NewMenu /> : null}
    </>
  );
};
