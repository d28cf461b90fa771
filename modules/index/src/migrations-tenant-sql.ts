/**
 * The opening and closing of the index's read functions: they set the tenant for their statement only
 * (row-level security applies, as they run as their caller) and put the previous setting back.
 * `SET_TENANT` follows `DECLARE` (it declares `previous` and `result`); `RESTORE_TENANT` ends the body.
 */
export const SET_TENANT = `previous text := current_setting('app.tenant_id', true);
  result json;
BEGIN
  PERFORM set_config('app.tenant_id', tenant::text, true);`;
export const RESTORE_TENANT = `PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
  RETURN result;
END`;
