import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';
import { signedInWithModule } from './module-session.js';

// Scripts in the admin app (Chromium, the real server and sandbox): a script written in the code
// editor (the host API completed after `ctx.`) and created; a dry run with an input, its output and
// budget figures; a draft dry-run with a test event as ctx.event; an edit saved as version 2,
// version 1 compared and rolled back (version 3 has version 1's source); a manual run in the
// execution history; an input schema refused at its field while it is no schema, then saved (version
// 4) and shown again; disabled, enabled and deleted; the menu without Scripts while the module is off.
describeInEmbeddedBrowser('admin app: scripts', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let operator: Record<string, string>;
  let scriptId = '';

  const SUM = 'return { total: ctx.input.a + ctx.input.b };';
  const PRODUCT = 'return { total: ctx.input.a * ctx.input.b };';

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    ({ api, operator, page } = await signedInWithModule(h, 'scripting'));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  const editor = () => page.getByTestId('script-editor').locator('.cm-content');
  /** Replaces the editor's whole text by typing (select all, then type). */
  const typeSource = async (source: string) => {
    await editor().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(source);
    await page.keyboard.press('Escape');
  };
  const versionsOf = async () =>
    (
      api.expectStatus('versions', await api.call('GET', `/scripting/scripts/${scriptId}/versions`, undefined, operator), 200).body as {
        items: { version: number; source: string }[];
      }
    ).items;

  it('writes a script in the code editor, with the host API completed, and creates it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scripts', exact: true }).click();
    await page.getByRole('heading', { name: 'Scripts', exact: true }).waitFor();
    await page.getByText('No scripts yet.').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('link', { name: 'New script' }).click();
    await page.getByRole('heading', { name: 'New script' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('sum-input');
    await page.getByLabel('Description').fill('Adds a and b');

    await editor().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('ctx.');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await completions.getByText('input', { exact: true }).waitFor();
    await completions.getByText('kv', { exact: true }).waitFor();
    await typeSource(SUM);
    await editor().filter({ hasText: SUM }).waitFor();

    await page.getByRole('button', { name: 'Add trigger' }).click();
    const second = page.getByRole('group', { name: 'Trigger 2' });
    await second.getByLabel('Runs').selectOption({ label: 'On events' });
    await second.getByLabel('Event types').fill('commerce.product.*');
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create script' }).click();

    await page.getByRole('heading', { name: 'sum-input' }).waitFor();
    await page.getByTestId('script-version').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('script-state').textContent()).toBe('Enabled');
    scriptId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const saved = api.expectStatus('script', await api.call('GET', `/scripting/scripts/${scriptId}`, undefined, operator), 200).body;
    expect(saved).toMatchObject({ name: 'sum-input', description: 'Adds a and b', language: 'js', source: SUM, version: 1 });
    expect((saved.triggers as { kind: string; eventTypes: string[] }[]).map((t) => [t.kind, t.eventTypes])).toEqual([
      ['manual', []],
      ['event', ['commerce.product.*']],
    ]);
    expect(await h.violations(page)).toEqual([]);
  });

  it('dry-runs it with an input: the output and the CPU and memory used', async () => {
    await page.getByLabel('Input (JSON, ctx.input)').fill('{ "a": 2, "b": 3 }');
    await page.getByRole('button', { name: 'Run dry' }).click();
    await page.getByTestId('run-output').filter({ hasText: '"total": 5' }).waitFor();
    expect(await page.getByTestId('run-outcome').textContent()).toBe('Succeeded');
    await page.getByText('Dry run: nothing was written, sent or logged.').waitFor();
    const figure = async (id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace(/[^\d.]/g, ''));
    expect(await figure('run-memory')).toBeGreaterThan(0);
    expect(await figure('run-cpu')).toBeGreaterThanOrEqual(0);
    expect(await figure('run-duration')).toBeGreaterThanOrEqual(0);
    // A dry run is not logged.
    await page.getByText('No runs yet (dry runs are not logged).').waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-script-dry-run');
  });

  it('dry-runs a draft with a test event, handed to it as ctx.event', async () => {
    const DRAFT = 'return { type: ctx.event.type, product: ctx.event.data.productId };';
    await typeSource(DRAFT);
    await editor().filter({ hasText: DRAFT }).waitFor();
    const event = page.getByLabel('Test event for a dry run (JSON object, ctx.event; empty: none)');
    await event.fill('[1]');
    await page.getByRole('button', { name: 'Run dry' }).click();
    await page.getByText('The test event is not a JSON object: not an object').waitFor();
    await event.fill('{ "type": "commerce.product.published", "data": { "productId": "p-1" } }');
    await page.getByRole('button', { name: 'Run dry' }).click();
    const output = page.getByTestId('run-output').filter({ hasText: '"type": "commerce.product.published"' });
    await output.waitFor();
    expect(await output.textContent()).toContain('"product": "p-1"');
    expect(await h.violations(page)).toEqual([]);
    await event.fill('');
  });

  it('saves an edit as version 2, compares version 1 and rolls back to it as version 3', async () => {
    await typeSource(PRODUCT);
    await editor().filter({ hasText: PRODUCT }).waitFor();
    await page.getByRole('button', { name: 'Save script' }).click();
    await page.getByRole('status').filter({ hasText: 'Script saved (version 2).' }).waitFor();
    await page.getByTestId('script-version').filter({ hasText: /^2$/ }).waitFor();

    await page.getByRole('button', { name: 'Compare version 1' }).click();
    const diff = page.getByRole('region', { name: 'Version 1 against the current source' });
    await diff.locator('del').filter({ hasText: SUM }).waitFor();
    await diff.locator('ins').filter({ hasText: PRODUCT }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-script-diff');

    await page.getByRole('button', { name: 'Roll back to version 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 is the current code again, as version 3.' }).waitFor();
    await page.getByTestId('script-version').filter({ hasText: /^3$/ }).waitFor();
    await editor().filter({ hasText: SUM }).waitFor();
    const versions = await versionsOf();
    expect(versions.find((v) => v.version === 3)?.source).toBe(versions.find((v) => v.version === 1)?.source);
    expect(versions.find((v) => v.version === 2)?.source).toBe(PRODUCT);
    expect(await h.violations(page)).toEqual([]);
  });

  it('runs it by hand: the run is in the execution history', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Run: logged in the history below.').waitFor();
    await page.getByTestId('run-output').filter({ hasText: '"total": 5' }).waitFor();
    const row = page.getByTestId('execution').filter({ has: page.getByTestId('execution-trigger').filter({ hasText: 'manual' }) });
    await row.getByTestId('execution-status').filter({ hasText: 'Succeeded' }).waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('3');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-script-history');
  });

  it('pages the execution history: the newest 25 runs, then older ones on demand', async () => {
    for (let i = 0; i < 25; i++) {
      const run = await api.call('POST', `/scripting/scripts/${scriptId}/run`, { input: { a: i, b: 1 } }, operator);
      api.expectStatus('run', run, 200);
    }
    await page.reload();
    const rows = page.getByTestId('execution');
    await rows.nth(24).waitFor();
    expect(await rows.count()).toBe(25);
    const older = page.getByRole('button', { name: 'Show older runs' });
    await older.click();
    await rows.nth(25).waitFor();
    expect(await rows.count()).toBe(26);
    await older.waitFor({ state: 'detached' });
    expect(await h.violations(page)).toEqual([]);
  });

  it('declares an input schema: text that is no schema is shown at its field, a schema is saved and shown again', async () => {
    const field = page.getByLabel('Input schema (JSON Schema)');
    await field.fill('{ "type": "object", ');
    await page.getByRole('button', { name: 'Save script' }).click();
    await page.getByTestId('field-error').filter({ hasText: 'This is not valid JSON.' }).waitFor();
    await field.fill('[1]');
    await page.getByRole('button', { name: 'Save script' }).click();
    await page.getByTestId('field-error').filter({ hasText: 'A schema is a JSON object: { … }.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await h.violations(page)).toEqual([]);
    // Nothing was saved meanwhile.
    expect(api.expectStatus('script', await api.call('GET', `/scripting/scripts/${scriptId}`, undefined, operator), 200).body.version).toBe(
      3,
    );

    const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'number' } } };
    await field.fill(JSON.stringify(schema));
    await page.getByRole('button', { name: 'Save script' }).click();
    await page.getByRole('status').filter({ hasText: 'Script saved (version 4).' }).waitFor();
    expect(await page.getByTestId('field-error').count()).toBe(0);
    const saved = api.expectStatus('script', await api.call('GET', `/scripting/scripts/${scriptId}`, undefined, operator), 200).body;
    expect(saved).toMatchObject({ version: 4, inputSchema: schema, outputSchema: null, source: SUM });
    await page.reload();
    await page.getByTestId('script-version').filter({ hasText: /^4$/ }).waitFor();
    expect(JSON.parse(await page.getByLabel('Input schema (JSON Schema)').inputValue())).toEqual(schema);
    expect(await page.getByLabel('Output schema (JSON Schema)').inputValue()).toBe('');
  });

  it('sets a schedule, an HTTP endpoint and a validate hook: a cron that does not parse is refused, the rest saved as set', async () => {
    const trigger = (n: number) => page.getByRole('group', { name: `Trigger ${n}` });
    for (const [n, kind] of [
      [3, 'On a schedule'],
      [4, 'HTTP endpoint'],
      [5, 'Validate writes'],
    ] as const) {
      await page.getByRole('button', { name: 'Add trigger' }).click();
      await trigger(n).getByLabel('Runs').selectOption({ label: kind });
    }
    await trigger(3).getByLabel('Cron expression').fill('every tuesday');
    await trigger(4).getByText('POST /api/v1/hooks/', { exact: false }).waitFor();
    await trigger(5).getByLabel('commerce.product.update').check();
    expect(await h.violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save script' }).click();
    await page.getByRole('alert').filter({ hasText: 'SCRIPTING_TRIGGER_INVALID' }).waitFor();
    const stored = async () =>
      api.expectStatus('script', await api.call('GET', `/scripting/scripts/${scriptId}`, undefined, operator), 200);
    expect(((await stored()).body.triggers as unknown[]).length).toBe(2);

    await trigger(3).getByLabel('Cron expression').fill('0 3 1 1 *');
    await page.getByRole('button', { name: 'Save script' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Script saved/ })
      .waitFor();
    const triggers = (await stored()).body.triggers as { kind: string; cron?: string | null; writes?: string[] }[];
    expect(triggers.map((t) => [t.kind, t.cron ?? null, t.writes ?? []])).toEqual([
      ['manual', null, []],
      ['event', null, []],
      ['cron', '0 3 1 1 *', []],
      ['http', null, []],
      ['validate', null, ['commerce.product.update']],
    ]);
    await page.reload();
    expect(await trigger(3).getByLabel('Cron expression').inputValue()).toBe('0 3 1 1 *');
    expect(await trigger(5).getByLabel('commerce.product.update').isChecked()).toBe(true);
    expect(await trigger(5).getByLabel('commerce.product.create').isChecked()).toBe(false);
    expect(await h.violations(page)).toEqual([]);
  });

  it('lists the script with its state, triggers and version', async () => {
    await page.getByRole('link', { name: 'All scripts' }).click();
    const row = page.getByTestId('script-row').filter({ hasText: 'sum-input' });
    await row.getByTestId('script-version').filter({ hasText: /^5$/ }).waitFor();
    expect(await row.getByTestId('script-state').textContent()).toBe('Enabled');
    expect(await row.textContent()).toContain(
      'By hand; On events: commerce.product.*; On a schedule: 0 3 1 1 *; HTTP endpoint; Validate writes: commerce.product.update',
    );
    expect(await h.violations(page)).toEqual([]);
  });

  it('disables and enables it, then deletes it after the question', async () => {
    await page.getByTestId('script-row').getByRole('link', { name: 'sum-input' }).click();
    await page.waitForURL(`**/admin/scripts/${scriptId}`);
    await page.getByRole('heading', { name: 'sum-input' }).waitFor();
    await page.getByRole('button', { name: 'Disable', exact: true }).click();
    await page
      .getByTestId('script-state')
      .filter({ hasText: /^Disabled$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Enable', exact: true }).click();
    await page
      .getByTestId('script-state')
      .filter({ hasText: /^Enabled$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Delete script' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Scripts', exact: true }).waitFor();
    await page.getByText('No scripts yet.').waitFor();
    api.expectStatus('deleted', await api.call('GET', `/scripting/scripts/${scriptId}`, undefined, operator), 404);
  });

  it('takes Scripts out of the menu while the module is off for the tenant', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByRole('link', { name: 'Scripts', exact: true }).waitFor();
    api.expectStatus('scripting off', await api.call('PUT', '/modules/scripting', { enabled: false }, operator), 200);
    try {
      await page.goto(`${h.server.address}/admin/`);
      await menu.getByRole('link', { name: 'Products', exact: true }).waitFor();
      expect(await menu.getByRole('link', { name: 'Scripts', exact: true }).count()).toBe(0);
    } finally {
      api.expectStatus('scripting on', await api.call('PUT', '/modules/scripting', { enabled: true }, operator), 200);
    }
  });
});
