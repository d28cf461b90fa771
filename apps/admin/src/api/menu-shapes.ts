// Menus as the pages module takes and answers them (no calls here: the menu editor's logic reads these alone).

/** Where a menu item leads: a page, a URL, or any content node (exactly the target its type names). */
export interface MenuLink {
  readonly type: 'page' | 'url' | 'node';
  readonly pageId?: string;
  readonly url?: string;
  readonly nodeId?: string;
}

export interface MenuItemInput {
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLink;
  readonly children?: readonly MenuItemInput[];
}

export interface MenuItem {
  readonly id: string;
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLink;
  readonly children: readonly MenuItem[];
}

export interface MenuSummary {
  readonly id: string;
  readonly handle: string;
  readonly name: string;
}

export interface Menu extends MenuSummary {
  readonly items: readonly MenuItem[];
}
