import { describe, expect, it } from 'vitest';
import { preparedSql, toQueryConfig } from './prepared.js';

describe('prepared statements', () => {
  it('names a marked text and leaves every other text unnamed', () => {
    const text = preparedSql('hot_read', 'SELECT $1::int AS n');
    expect(toQueryConfig(text, [1])).toEqual({ name: 'hot_read', text, values: [1] });
    expect(toQueryConfig('SELECT 1', undefined)).toEqual({ text: 'SELECT 1', values: undefined });
    expect(toQueryConfig('/* a comment */ SELECT 1', [])).not.toHaveProperty('name');
  });

  it('refuses a name PostgreSQL could not take', () => {
    expect(() => preparedSql('Bad Name', 'SELECT 1')).toThrow(/Invalid prepared statement name/);
  });
});
