/** A timestamp from the database as ISO 8601 UTC, as the module's views and events show it. */
export const iso = (value: Date | string): string => new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
