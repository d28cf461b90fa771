import { PGlite } from '@electric-sql/pglite';

let t = Date.now();
const a = await PGlite.create({ dataDir: 'memory://' });
console.log('open mem', Date.now() - t);
t = Date.now();
await a.exec(
  `create role rustok_app nosuperuser nobypassrls; create table t(id int primary key, tenant_id text); alter table t enable row level security; alter table t force row level security; create policy p on t using (tenant_id = current_setting('app.tenant_id', true)); grant select, insert on t to rustok_app; insert into t values (1,'a'),(2,'b');`,
);
console.log('ddl', Date.now() - t);
t = Date.now();
const dump = await a.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
await a.close();
const b = await PGlite.create({ loadDataDir: dump, username: 'rustok_app' });
console.log('load as app', Date.now() - t);
t = Date.now();
console.log((await b.query(`select current_user, current_setting('is_superuser') su`)).rows);
console.log((await b.query(`select * from t`)).rows);
await b.transaction(async (tx) => {
  await tx.query(`select set_config('app.tenant_id','a',true)`);
  console.log((await tx.query('select * from t')).rows);
});
const c = await PGlite.create({ dataDir: '/tmp/pgl-test-dir' });
t = Date.now();
await c.exec('create role rustok_app nosuperuser; create table if not exists x(a int)');
await c.close();
console.log('file close', Date.now() - t);
t = Date.now();
const d = await PGlite.create({ dataDir: '/tmp/pgl-test-dir', username: 'rustok_app' });
console.log('file reopen as app', Date.now() - t, (await d.query('select current_user')).rows);
