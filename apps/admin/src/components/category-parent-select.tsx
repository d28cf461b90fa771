import type { Category } from '../api/content.js';
import { treeOrder } from '../api/content.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({ en: { top: 'Top level' }, ru: { top: 'Верхний уровень' } });

interface Props {
  readonly id: string;
  readonly categories: readonly Category[];
  readonly value: string | null;
  /** Categories it may not go under (itself and its descendants). */
  readonly exclude?: ReadonlySet<string>;
  readonly onChange: (parentId: string | null) => void;
}

/** A choice of parent among the tree (indented by depth), or the top level. */
export const CategoryParentSelect = ({ id, categories, value, exclude, onChange }: Props) => {
  const t = useMessages(messages);
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t.top}</option>
      {treeOrder(categories)
        .filter((c) => !exclude?.has(c.id))
        .map((c) => (
          <option key={c.id} value={c.id}>
            {`${'\u2003'.repeat(c.depth)}${c.name}`}
          </option>
        ))}
    </select>
  );
};
