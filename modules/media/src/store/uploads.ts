import type { Tx } from '@rustok/db';

/** The SQL of `media_uploads`: direct uploads handed out and not completed yet. */
export type UploadRow = {
  id: string;
  key: string;
  file_name: string;
  declared_type: string;
  size: string | number;
  created_by: string | null;
  expires_at: Date | string;
};

const TABLE = 'media_uploads';

export interface NewUpload {
  readonly id: string;
  readonly key: string;
  readonly fileName: string;
  readonly declaredType: string;
  readonly size: number;
  readonly createdBy: string | null;
  readonly expiresAt: Date;
}

export const insertUpload = async (tx: Tx, u: NewUpload): Promise<void> => {
  await tx.query(
    `INSERT INTO ${TABLE} (id, key, file_name, declared_type, size, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [u.id, u.key, u.fileName, u.declaredType, u.size, u.createdBy, u.expiresAt],
  );
};

/** The pending upload, locked so that two completions of it do not both record an asset. */
export const claimUpload = async (tx: Tx, id: string): Promise<UploadRow | undefined> => {
  const { rows } = await tx.query<UploadRow>(`SELECT * FROM ${TABLE} WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
};

export const deleteUploadRow = async (tx: Tx, id: string): Promise<void> => {
  await tx.query(`DELETE FROM ${TABLE} WHERE id = $1`, [id]);
};
