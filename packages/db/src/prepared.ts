const MARK = '/*prepared:';
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Marks a hot, fixed SQL text as a named prepared statement: on PostgreSQL each pooled connection
 * parses and plans it once and then only binds and executes it (the embedded database runs it as
 * it is; the mark is a comment). Only for constant texts: one name, one text, for the process.
 */
export const preparedSql = (name: string, text: string): string => {
  if (!NAME.test(name)) throw new Error(`Invalid prepared statement name "${name}"`);
  return `${MARK}${name}*/\n${text}`;
};

/** The query config node-postgres takes: named when the text carries the mark. */
export const toQueryConfig = (text: string, values: unknown[] | undefined): { text: string; values?: unknown[]; name?: string } => {
  if (!text.startsWith(MARK)) return { text, values };
  const end = text.indexOf('*/');
  return { name: text.slice(MARK.length, end), text, values };
};
