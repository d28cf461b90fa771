import type { Logger } from 'pino';
import type { Config } from './config/schema.js';

/**
 * Services the CLI hands to a module's command. Empty here (the kernel opens nothing); the API
 * layer adds the open database to it by declaration merging.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface CommandServices {}

/** How a command prints: results on standard output, progress on standard error. */
export interface CommandOutput {
  /** One line of the result. */
  line(text: string): void;
  /** Rows as aligned columns (the first row is the header). */
  table(rows: readonly (readonly string[])[]): void;
  /** One line of progress, indented, on standard error. */
  progress(text: string): void;
}

export interface CommandContext extends CommandServices {
  readonly config: Config;
  readonly logger: Logger;
  readonly output: CommandOutput;
  /** Standard output and error of the command (for progress bars: `stderr.isTTY`). */
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface ModuleCommandOption {
  /** As on a command line: `--tenant <slug>`, `--restart`. */
  readonly flags: string;
  readonly description: string;
}

export interface ModuleCommand {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly ModuleCommandOption[];
  /**
   * Runs the command with the parsed options (camel-cased, as the CLI parser gives them) and returns
   * the process's exit code (0 when left out). Expected failures are AppErrors: the CLI prints them.
   */
  readonly run: (ctx: CommandContext, options: Readonly<Record<string, string | boolean | undefined>>) => Promise<number | undefined>;
}

/** `rustok <name> <command>`: the CLI commands of a module. */
export interface ModuleCommandGroup {
  readonly name: string;
  readonly description: string;
  readonly commands: readonly ModuleCommand[];
}
