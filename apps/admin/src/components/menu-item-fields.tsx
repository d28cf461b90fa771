import { useId } from 'react';
import type { MenuLink } from '../api/menus.js';
import type { PageNode } from '../api/pages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import type { DraftItem } from './menu-tree-ops.js';

const messages = defineMessages({
  en: {
    label: (locale: string) => `Label (${locale})`,
    linkType: 'Link to',
    page: 'A page',
    url: 'An address',
    node: 'A content item',
    pageId: 'Page',
    choose: 'Choose a page',
    address: 'Address',
    addressHint: 'https://…, a path such as /about, or mailto:…',
    nodeId: 'Content id',
  },
  ru: {
    label: (locale: string) => `Название (${locale})`,
    linkType: 'Ссылка на',
    page: 'Страницу',
    url: 'Адрес',
    node: 'Материал',
    pageId: 'Страница',
    choose: 'Выберите страницу',
    address: 'Адрес',
    addressHint: 'https://…, путь вроде /about или mailto:…',
    nodeId: 'Идентификатор материала',
  },
});

interface Props {
  readonly item: DraftItem;
  readonly locales: readonly string[];
  readonly pages: readonly PageNode[];
  readonly onChange: (next: DraftItem) => void;
}

const LinkTarget = ({ link, pages, onChange }: { link: MenuLink; pages: readonly PageNode[]; onChange: (l: MenuLink) => void }) => {
  const t = useMessages(messages);
  const id = useId();
  if (link.type === 'page') {
    return (
      <div className="field">
        <label htmlFor={id}>{t.pageId}</label>
        <select id={id} required value={link.pageId ?? ''} onChange={(e) => onChange({ type: 'page', pageId: e.target.value })}>
          <option value="">{t.choose}</option>
          {pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const key = link.type === 'url' ? 'url' : 'nodeId';
  return (
    <div className="field">
      <label htmlFor={id}>{link.type === 'url' ? t.address : t.nodeId}</label>
      <input
        id={id}
        required
        value={link[key] ?? ''}
        aria-describedby={link.type === 'url' ? `${id}-hint` : undefined}
        pattern={link.type === 'url' ? '(https?://\\S+|/\\S*|mailto:\\S+)' : undefined}
        maxLength={2000}
        onChange={(e) => onChange({ type: link.type, [key]: e.target.value })}
      />
      {link.type === 'url' ? (
        <small id={`${id}-hint`} className="hint">
          {t.addressHint}
        </small>
      ) : null}
    </div>
  );
};

/** An item's labels (one per locale of the tenant, the default one required) and where it links. */
export const MenuItemFields = ({ item, locales, pages, onChange }: Props) => {
  const t = useMessages(messages);
  const id = useId();
  const setLink = (link: MenuLink) => onChange({ ...item, link });
  return (
    <div className="row menu-fields">
      {locales.map((locale, i) => (
        <div className="field" key={locale}>
          <label htmlFor={`${id}-${locale}`}>{t.label(locale)}</label>
          <input
            id={`${id}-${locale}`}
            required={i === 0}
            maxLength={200}
            value={item.label[locale] ?? ''}
            onChange={(e) => onChange({ ...item, label: { ...item.label, [locale]: e.target.value } })}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-type`}>{t.linkType}</label>
        <select id={`${id}-type`} value={item.link.type} onChange={(e) => setLink({ type: e.target.value as MenuLink['type'] })}>
          <option value="page">{t.page}</option>
          <option value="url">{t.url}</option>
          <option value="node">{t.node}</option>
        </select>
      </div>
      <LinkTarget link={item.link} pages={pages} onChange={setLink} />
    </div>
  );
};
