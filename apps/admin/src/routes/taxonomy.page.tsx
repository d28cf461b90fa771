import { useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { CategoryTree } from '../components/category-tree.js';
import { TagList } from '../components/tag-list.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { heading: 'Categories and tags', intro: 'Posts and pages are filed under one category of the tree and any number of tags.' },
  ru: { heading: 'Рубрики и метки', intro: 'Записи и страницы относятся к одной рубрике дерева и к любому числу меток.' },
});

/** The content's category tree (create, rename, move, delete) and its tags (create). */
export const Taxonomy = () => {
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  return (
    <>
      <h1>{t.heading}</h1>
      <p className="hint">{t.intro}</p>
      <CategoryTree canManage={can(me, 'content.categories.manage')} />
      <TagList canManage={can(me, 'content.tags.manage')} />
    </>
  );
};
