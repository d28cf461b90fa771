import { defineErrors } from '@rustok/kernel';

/** Every error code pages raises, with its status and title (see defineErrors in @rustok/kernel). */
export const pagesErrors = defineErrors('pages', {
  PAGES_MENU_HANDLE_TAKEN: { status: 409, title: 'Conflict' },
  PAGES_MENU_NOT_FOUND: { status: 404, title: 'Not found' },
  PAGES_PAGE_NOT_FOUND: { status: 404, title: 'Not found' },
});
