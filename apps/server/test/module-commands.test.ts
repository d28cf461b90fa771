import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type CommandContext, defineModule, isAppError } from '@rustok/kernel';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { registerModuleCommands } from '../src/cli/module-commands.js';

const seen: { options: Record<string, unknown>; tenants: number; config: boolean }[] = [];

const notes = defineModule({
  slug: 'notes',
  name: 'Notes',
  description: 'fixture with a command group',
  version: '1.0.0',
  kind: 'optional',
  commands: {
    name: 'notes',
    description: 'notes of the fixture',
    commands: [
      {
        name: 'count',
        description: 'count the tenants',
        options: [
          { flags: '--batch-size <n>', description: 'a value' },
          { flags: '--dry-run', description: 'a switch' },
        ],
        run: async (ctx: CommandContext, options) => {
          const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
          seen.push({ options, tenants: rows[0]?.n ?? -1, config: ctx.config.server.host.length > 0 });
          ctx.output.table([
            ['NAME', 'VALUE'],
            ['batch', String(options.batchSize)],
          ]);
          ctx.output.progress('counted');
          return options.dryRun ? 3 : undefined;
        },
      },
    ],
  },
});

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rustok-module-commands-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

const program = () => {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const cli = new Command('rustok').exitOverride();
  cli.command('start').description('a built-in command');
  registerModuleCommands(cli, [notes], {
    kernel: () => ({
      environment: 'test',
      env: { RUSTOK_DATABASE__DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      modules: [notes],
      manifestFile: false,
    }),
    stdout,
    stderr,
  });
  return { cli, out: () => out, err: () => err };
};

it('lists a module’s command group in the help and runs its command over the opened database', async () => {
  const { cli, out, err } = program();
  expect(cli.helpInformation()).toMatch(/notes\s+notes of the fixture/);
  await cli.parseAsync(['node', 'rustok', 'notes', 'count', '--batch-size', '20', '--dry-run']);
  expect(seen).toEqual([{ options: { batchSize: '20', dryRun: true }, tenants: 0, config: true }]);
  expect(out()).toBe('NAME   VALUE\nbatch  20\n');
  expect(err()).toBe('  counted\n');
  expect(process.exitCode).toBe(3);
}, 60_000);

it('leaves the exit code alone when the command returns nothing', async () => {
  const { cli } = program();
  await cli.parseAsync(['node', 'rustok', 'notes', 'count']);
  expect(seen.at(-1)?.options).toEqual({});
  expect(process.exitCode).toBeUndefined();
}, 60_000);

it('refuses a module group whose name a built-in command has', () => {
  const clash = defineModule({
    ...notes,
    slug: 'clash',
    commands: { ...(notes.commands as NonNullable<typeof notes.commands>), name: 'start' },
  });
  const error = (() => {
    try {
      registerModuleCommands(new Command('rustok').addCommand(new Command('start')), [clash]);
    } catch (e) {
      return e;
    }
  })();
  expect(isAppError(error) && error.code).toBe('CLI_COMMAND_CONFLICT');
});
