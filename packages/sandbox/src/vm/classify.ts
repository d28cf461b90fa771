import type { SandboxFailureCode } from '../types.js';

/** A failure of a run as the worker reports it. */
export interface Classified {
  readonly code: SandboxFailureCode;
  readonly message: string;
  readonly line?: number;
}

/** The file name scripts are evaluated under; stack lines naming it carry the script's own line numbers. */
export const SCRIPT_FILE = 'script.js';

interface DumpedError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly lineNumber?: unknown;
}

const lineOf = (error: DumpedError): number | undefined => {
  if (typeof error.lineNumber === 'number') return error.lineNumber;
  const match = typeof error.stack === 'string' ? /script\.js:(\d+)/.exec(error.stack) : null;
  return match ? Number(match[1]) : undefined;
};

const describe = (thrown: unknown): { text: string; error: DumpedError } => {
  if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
    const error = thrown as DumpedError;
    const name = typeof error.name === 'string' ? error.name : 'Error';
    return { text: `${name}: ${String(error.message)}`, error };
  }
  return { text: `Uncaught ${typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown))}`, error: {} };
};

/** Which code an exception out of the VM stands for; `compiling` tells a syntax error of the script from one it raised. */
export const classifyThrown = (thrown: unknown, compiling: boolean): Classified => {
  const { text, error } = describe(thrown);
  const line = lineOf(error);
  const at = line === undefined ? {} : { line };
  if (error.name === 'InternalError' && error.message === 'out of memory') {
    return { code: 'SCRIPT_MEMORY_LIMIT', message: 'The script ran out of memory' };
  }
  if (error.name === 'InternalError' && error.message === 'stack overflow') {
    return { code: 'SCRIPT_STACK_LIMIT', message: 'The script recursed too deeply', ...at };
  }
  if (compiling && error.name === 'SyntaxError') return { code: 'SCRIPT_SYNTAX', message: text, ...at };
  return { code: 'SCRIPT_ERROR', message: text, ...at };
};
