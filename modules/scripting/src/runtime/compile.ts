import { createHash } from 'node:crypto';
import type { Diagnostic } from 'typescript';

export type ScriptLanguage = 'js' | 'ts';

export type Compiled = { readonly ok: true; readonly code: string; readonly hash: string } | CompileFailure;

export interface CompileFailure {
  readonly ok: false;
  readonly message: string;
  /** 1-based line of the source. */
  readonly line: number;
  readonly column: number;
}

type TypeScript = typeof import('typescript');
let ts: TypeScript | undefined;
/** TypeScript is loaded on the first save (a few hundred ms once), not at boot. */
const typescript = async (): Promise<TypeScript> => {
  const loaded = (await import('typescript')) as TypeScript & { default?: TypeScript };
  ts ??= loaded.default ?? loaded;
  return ts;
};

/**
 * The source is the body of an async function of `ctx`; it is parsed (and, for TypeScript, type
 * annotations stripped) as that body, on the same first line so lines match the author's.
 */
const HEAD = '(async function (ctx) {';
const TAIL = '\n});';

const failure = (t: TypeScript, d: Diagnostic): CompileFailure => {
  const file = d.file;
  const at = file && d.start !== undefined ? file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  const column = at.line === 0 ? Math.max(0, at.character - HEAD.length) : at.character;
  return { ok: false, message: t.flattenDiagnosticMessageText(d.messageText, '\n'), line: at.line + 1, column: column + 1 };
};

/** The transpiled function expression back to a body (what the sandbox runs). */
const bodyOf = (output: string): string => {
  const start = output.indexOf('{');
  const end = output.lastIndexOf('}');
  return output.slice(start + 1, end);
};

/**
 * Checks the syntax of a script and, for TypeScript, strips its types (no type checking: the
 * editor does that). JavaScript is kept as written. The hash is of the code that runs.
 */
export const compileScript = async (language: ScriptLanguage, source: string): Promise<Compiled> => {
  const t = await typescript();
  const result = t.transpileModule(`${HEAD}${source}${TAIL}`, {
    fileName: language === 'ts' ? 'script.ts' : 'script.js',
    reportDiagnostics: true,
    compilerOptions: { target: t.ScriptTarget.ES2022, module: t.ModuleKind.ESNext, allowJs: true, removeComments: false },
  });
  const error = result.diagnostics?.find((d) => d.category === t.DiagnosticCategory.Error);
  if (error) return failure(t, error);
  const code = language === 'ts' ? bodyOf(result.outputText) : source;
  return { ok: true, code, hash: createHash('sha256').update(code).digest('hex') };
};
