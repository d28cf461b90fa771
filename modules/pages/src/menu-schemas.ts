import { Id } from '@rustok/kernel';
import { type Static, type TObject, Type } from '@sinclair/typebox';

/** Menus nest at most this many levels (schemas are unrolled, not recursive, for OpenAPI). */
const MAX_MENU_DEPTH = 3;
export const MAX_MENU_ITEMS = 200;

const Label = () =>
  Type.Record(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }), Type.String({ minLength: 1, maxLength: 200 }), {
    minProperties: 1,
    maxProperties: 50,
  });

/** `type` says which of pageId / url / nodeId must be set (checked by the use-case, with the page ids inside the tenant). */
const LinkSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('page'), Type.Literal('url'), Type.Literal('node')]),
    pageId: Type.Optional(Id()),
    url: Type.Optional(Type.String({ pattern: '^(https?://[^\\s]+|/[^\\s]*|mailto:[^\\s]+)$', maxLength: 2000 })),
    nodeId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type MenuLink = Static<typeof LinkSchema>;

const itemInput = (depth: number): TObject =>
  Type.Object(
    {
      label: Label(),
      link: LinkSchema,
      ...(depth > 1 ? { children: Type.Optional(Type.Array(itemInput(depth - 1), { maxItems: 100 })) } : {}),
    },
    { additionalProperties: false },
  );
const itemOutput = (depth: number): TObject =>
  Type.Object({
    id: Id(),
    label: Type.Record(Type.String(), Type.String()),
    link: LinkSchema,
    children: depth > 1 ? Type.Array(itemOutput(depth - 1)) : Type.Array(Type.Unknown(), { maxItems: 0 }),
  });

export interface MenuItemInput {
  readonly label: Record<string, string>;
  readonly link: MenuLink;
  readonly children?: readonly MenuItemInput[];
}
export interface MenuItem {
  readonly id: string;
  readonly label: Record<string, string>;
  readonly link: MenuLink;
  readonly children: MenuItem[];
}

const Items = Type.Array(itemInput(MAX_MENU_DEPTH), { maxItems: 100 });
export const Handle = () => Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 100 });
const Name = () => Type.String({ minLength: 1, maxLength: 200 });

export const CreateMenuInput = Type.Object(
  { handle: Handle(), name: Name(), items: Type.Optional(Items) },
  { additionalProperties: false },
);
export interface CreateMenuInput {
  handle: string;
  name: string;
  items?: MenuItemInput[];
}
export const UpdateMenuInput = Type.Object(
  { handle: Type.Optional(Handle()), name: Type.Optional(Name()), items: Type.Optional(Items) },
  { additionalProperties: false },
);
export interface UpdateMenuInput {
  handle?: string;
  name?: string;
  items?: MenuItemInput[];
}

export const MenuSchema = Type.Object({
  id: Id(),
  handle: Type.String(),
  name: Type.String(),
  items: Type.Array(itemOutput(MAX_MENU_DEPTH)),
});
export interface Menu {
  readonly id: string;
  readonly handle: string;
  readonly name: string;
  readonly items: MenuItem[];
}
const MenuSummarySchema = Type.Object({ id: Id(), handle: Type.String(), name: Type.String() });
export const MenuList = Type.Object({ items: Type.Array(MenuSummarySchema) });
