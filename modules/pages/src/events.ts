import { type EventDeclaration, Id } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';

export const PAGE_EVENT = {
  created: 'pages.page.created',
  updated: 'pages.page.updated',
  published: 'pages.page.published',
  deleted: 'pages.page.deleted',
} as const;
export const MENU_UPDATED = 'pages.menu.updated';

const PagePayload = Type.Object(
  {
    pageId: Id(),
    status: Type.String({ maxLength: 32 }),
    changes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
const DeletedPayload = Type.Object({ pageId: Id() }, { additionalProperties: false });
const MenuPayload = Type.Object(
  {
    menuId: Id(),
    handle: Type.String({ maxLength: 100 }),
    action: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('deleted')]),
  },
  { additionalProperties: false },
);

const page = (type: string, description: string): EventDeclaration => ({ type, schemaVersion: 1, description, payload: PagePayload });

export const pagesEvents: readonly EventDeclaration[] = [
  page(PAGE_EVENT.created, 'A page was created (as a draft), with its blocks'),
  page(PAGE_EVENT.updated, "A page's fields or its blocks changed"),
  page(PAGE_EVENT.published, 'A page was published'),
  { type: PAGE_EVENT.deleted, schemaVersion: 1, description: 'A page (and its sub-pages) was deleted', payload: DeletedPayload },
  { type: MENU_UPDATED, schemaVersion: 1, description: 'A menu was created, changed (items replaced) or deleted', payload: MenuPayload },
];
