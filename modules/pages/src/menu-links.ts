import { type ContentTx, nodeKindsInTx } from '@rustok/content/kit';
import type { FieldError } from '@rustok/kernel';
import { invalid } from './context.js';
import { MAX_MENU_ITEMS, type MenuItemInput, type MenuLink } from './menu-schemas.js';

interface FlatLink {
  readonly path: string;
  readonly link: MenuLink;
}

const TARGET = { page: 'pageId', url: 'url', node: 'nodeId' } as const;

/** Every item with its body path (`/items/0/children/1`). */
const flatten = (items: readonly MenuItemInput[], at: string): FlatLink[] =>
  items.flatMap((item, i) => [{ path: `${at}/${i}/link`, link: item.link }, ...flatten(item.children ?? [], `${at}/${i}/children`)]);

/** The link names exactly the target its type asks for. */
const shapeErrors = ({ path, link }: FlatLink): FieldError[] => {
  const wanted = TARGET[link.type];
  const errors: FieldError[] = [];
  if (link[wanted] === undefined) errors.push({ path: `${path}/${wanted}`, message: `is required for a ${link.type} link` });
  for (const other of Object.values(TARGET).filter((k) => k !== wanted && link[k] !== undefined)) {
    errors.push({ path: `${path}/${other}`, message: `is not allowed for a ${link.type} link` });
  }
  return errors;
};

/** Pages and nodes must exist in the tenant: checked inside its transaction, so another tenant's ids are simply absent. */
const targetErrors = async (w: ContentTx, links: readonly FlatLink[]): Promise<FieldError[]> => {
  const ids = links.flatMap(({ link }) => [link.pageId, link.nodeId].filter((id): id is string => id !== undefined));
  const kinds = await nodeKindsInTx(w, [...new Set(ids)]);
  return links.flatMap(({ path, link }): FieldError[] => {
    if (link.type === 'page' && link.pageId && kinds.get(link.pageId) !== 'page') {
      return [{ path: `${path}/pageId`, message: 'is not a page of this tenant' }];
    }
    if (link.type === 'node' && link.nodeId && !kinds.has(link.nodeId)) {
      return [{ path: `${path}/nodeId`, message: 'is not a content node of this tenant' }];
    }
    return [];
  });
};

/** Throws one 422 listing every bad link of the tree (or a tree over the size limit). */
export const assertMenuItems = async (w: ContentTx, items: readonly MenuItemInput[]): Promise<void> => {
  const links = flatten(items, '/items');
  if (links.length > MAX_MENU_ITEMS) throw invalid([{ path: '/items', message: `must hold at most ${MAX_MENU_ITEMS} items in all` }]);
  const shape = links.flatMap(shapeErrors);
  const errors = shape.length > 0 ? shape : await targetErrors(w, links);
  if (errors.length > 0) throw invalid(errors);
};
