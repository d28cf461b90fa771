import { defineErrors } from '@rustok/kernel';

/** Every error code db raises, with its status and title (see defineErrors in @rustok/kernel). */
export const dbErrors = defineErrors('db', {
  DATABASE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  DB_DATA_DIR_LOCKED: { status: 503, title: 'Service unavailable' },
  DB_MIGRATION_CHANGED: { status: 500, title: 'Internal server error' },
  DB_MIGRATION_FAILED: { status: 500, title: 'Internal server error' },
});
