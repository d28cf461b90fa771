/** Minimal SQL surface the kernel needs from the database layer (implemented by @rustok/db). */
export interface SqlRunner {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs SQL text that may hold several statements, without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}
