import type { CommandContext, CommandOutput, ModuleCommand, ModuleDefinition } from '@rustok/kernel';
import type { Command } from 'commander';
import { type KernelOptions, loadKernel, openKernelDatabase } from '../boot.js';
import { serverErrors } from '../errors.js';
import { table } from './output.js';

export interface ModuleCommandsOptions {
  /** How the command's platform is loaded (tests point it at their own root, modules and environment). */
  readonly kernel?: () => KernelOptions;
  readonly stdout?: CommandContext['stdout'];
  readonly stderr?: CommandContext['stderr'];
}

const outputTo = (stdout: CommandContext['stdout'], stderr: CommandContext['stderr']): CommandOutput => ({
  line: (text) => stdout.write(`${text}\n`),
  table: (rows) => stdout.write(`${table(rows)}\n`),
  progress: (text) => stderr.write(`  ${text}\n`),
});

/** Loads the kernel, opens (and migrates) the database, runs the command, closes; sets the exit code. */
const runCommand = async (command: ModuleCommand, raw: Record<string, string | boolean | undefined>, options: ModuleCommandsOptions) => {
  const kernel = loadKernel(options.kernel?.());
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const { db } = await openKernelDatabase(kernel);
  try {
    const ctx: CommandContext = { config: kernel.config, logger: kernel.logger, db, output: outputTo(stdout, stderr), stdout, stderr };
    const code = (await command.run(ctx, raw)) ?? 0;
    if (code !== 0) process.exitCode = code;
  } finally {
    await db.close();
  }
};

/**
 * Mounts every module's command group as `rustok <group> <command> [options]`. A group whose name
 * is taken (a built-in command or another module's group) is refused. Errors go to the caller
 * (the CLI prints coded ones and sets the exit code).
 */
export const registerModuleCommands = (program: Command, modules: readonly ModuleDefinition[], options: ModuleCommandsOptions = {}) => {
  for (const mod of modules) {
    const group = mod.commands;
    if (!group) continue;
    if (program.commands.some((c) => c.name() === group.name))
      throw serverErrors.CLI_COMMAND_CONFLICT(`Module ${mod.slug} adds the command "${group.name}", which is already taken`);
    const parent = program.command(group.name).description(group.description);
    for (const command of group.commands) {
      const sub = parent.command(command.name).description(command.description);
      for (const option of command.options ?? []) sub.option(option.flags, option.description);
      sub.action((raw: Record<string, string | boolean | undefined>) => runCommand(command, raw, options));
    }
  }
};
