#!/usr/bin/env node
import { createRegistry } from '@rustok/kernel';
import { Command } from 'commander';
import { PLATFORM_MODULES } from '../boot.js';
import { builtInModules } from '../modules.generated.js';
import { VERSION } from '../version.js';
import { adminCreate } from './admin.js';
import { registerAuthCommands } from './auth-command.js';
import { configCheck, migrate, modulesList, seed } from './commands.js';
import type { McpCommandOptions } from './mcp-command.js';
import { registerModuleCommands } from './module-commands.js';
import { moduleNew } from './module-new.js';
import { failWith } from './output.js';
import { startCommand } from './start-command.js';

const program = new Command('rustok').description('RusToK: multi-tenant headless platform for content and commerce').version(VERSION);

program
  .command('start')
  .description('migrate, seed demo data on first run (when enabled) and serve HTTP')
  .option('--no-migrate', 'do not apply pending migrations')
  .option('--no-seed', 'do not seed demo data')
  .option('--roles <list>', 'what this process runs, comma-separated: api, relay, consumers, jobs (default: server.roles, all four)')
  .option(
    '--consumers <list>',
    'which event consumers a consumers process runs: names or prefixes such as index.* (nats transport; default: server.consumers, all)',
  )
  .action(startCommand);
program.command('migrate').description('apply pending migrations of every built-in module').action(migrate);
program.command('seed').description('seed data').option('--demo', 'demo data for every module (once)').action(seed);
const modules = program.command('modules').alias('module').description('modules built into this deployment, and new ones');
modules.command('list').description('list them in dependency order').action(modulesList);
modules
  .command('new <slug>')
  .description('create a module package in modules/<slug>, in the layout of docs/module-layout.md')
  .option('--add', 'also list it in modules.toml')
  .action(moduleNew);
program
  .command('config')
  .description('configuration')
  .command('check')
  .description('load and validate the configuration')
  .action(configCheck);
program
  .command('admin')
  .description('platform administration')
  .command('create')
  .description('create the platform admin (super_admin) in the default tenant')
  .option('--email <email>', 'e-mail (or RUSTOK_ADMIN_EMAIL)')
  .option('--password <password>', 'password (or RUSTOK_ADMIN_PASSWORD)')
  .action(adminCreate);
registerAuthCommands(program);
program
  .command('mcp')
  .description('the MCP server over stdio for one tenant; the access token comes from RUSTOK_MCP_TOKEN')
  .requiredOption('--tenant <slug>', 'the tenant (its slug)')
  .option('--surface <surface>', 'admin or shop (default: admin with a token, shop without)')
  .option(
    '--mode <mode>',
    "direct (every tool listed) or catalog (search, describe and call tools); default: the access token's own mode, else direct",
  )
  // Loaded when run: the MCP SDK is not needed by the other commands.
  .action(async (options: McpCommandOptions) => (await import('./mcp-command.js')).mcpCommand(options));

try {
  // The modules' own command groups (`rustok index rebuild`, …), in dependency order.
  registerModuleCommands(program, createRegistry([...PLATFORM_MODULES, ...builtInModules]).modules);
} catch (error) {
  failWith(error);
}

program.parseAsync().catch(failWith);
