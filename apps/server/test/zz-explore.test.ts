import { createTestPlatform, describeEachBackend } from '@rustok/testing';
import { it } from 'vitest';
import { notesModule } from './fixtures/isolation/notes-module.js';

describeEachBackend('explore', (backend) => {
  it('dumps', async () => {
    const p = await createTestPlatform({ backend, modules: [notesModule] });
    const doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json();
    const out: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) out.push(`${path}: ${Object.keys(ops).join(',')}`);
    console.log(out.join('\n'));
    console.log(JSON.stringify(doc.paths['/api/v1/notes/{id}'], null, 1).slice(0, 1500));
    const t = await p.defaultTenant();
    const r = await p.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-tenant-id': t.id },
      payload: { query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }' },
    });
    console.log(r.statusCode, r.body);
    await p.close();
  });
});
