import type { SqlRunner } from '@rustok/kernel';
import { errorCodeOf } from '@rustok/kernel';
import { grantPartitions } from './partitions.js';
import { grantStatistics } from './statistics.js';

/**
 * The application runs as a role that owns no table, is no superuser and cannot bypass row-level
 * security; migrations run as the owner. These statements are idempotent.
 */
export const ensureAppRole = async (owner: SqlRunner, role: string): Promise<void> => {
  assertRoleName(role);
  const { rows } = await owner.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [role]);
  if (!rows[0]?.exists) {
    try {
      await owner.query(`CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    } catch (error) {
      // Another process created it between the check and the create.
      if (errorCodeOf(error) !== '42710') throw error;
    }
  }
  const { rows: member } = await owner.query<{ ok: boolean }>('SELECT pg_has_role(current_user, $1, $2) AS ok', [role, 'MEMBER']);
  if (!member[0]?.ok) await owner.query(`GRANT ${role} TO current_user`);
};

/** Part of the stamp of a migrated database (see migrate.ts): changed with what grantAppRole grants, so existing databases get it. */
export const APP_GRANTS_VERSION = 'grants-2: maintain';

/** Gives the application role data access to everything the migrations created (not ownership), the statistics and the partition functions. */
export const grantAppRole = async (owner: SqlRunner, role: string): Promise<void> => {
  assertRoleName(role);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await owner.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await grantMaintain(owner, role);
  await grantStatistics(owner, role);
  await grantPartitions(owner, role);
};

/**
 * VACUUM and ANALYZE rights on the tables, and on those the owner creates later (partitions made at
 * run time), where the server has the MAINTAIN privilege (PostgreSQL 17 and later: the embedded
 * database): the statistics job vacuums where nothing else does (see vacuumDeadTables). Older
 * servers have autovacuum for that.
 */
const grantMaintain = async (owner: SqlRunner, role: string): Promise<void> => {
  const { rows } = await owner.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
  if ((rows[0]?.v ?? 0) < 170_000) return;
  await owner.query(`GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO ${role}`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT MAINTAIN ON TABLES TO ${role}`);
};

const assertRoleName = (role: string): void => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`Invalid role name "${role}"`);
};
