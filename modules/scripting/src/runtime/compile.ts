import { createHash } from 'node:crypto';
import type { Diagnostic, SourceFile } from 'typescript';

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
type Blank = typeof import('ts-blank-space');
let ts: TypeScript | undefined;
let blank: Blank | undefined;
/** TypeScript (and the type blanker over it) are loaded on the first save (a few hundred ms once), not at boot. */
const typescript = async (): Promise<TypeScript> => {
  const loaded = (await import('typescript')) as TypeScript & { default?: TypeScript };
  ts ??= loaded.default ?? loaded;
  return ts;
};
const blanker = async (): Promise<Blank> => {
  blank ??= await import('ts-blank-space');
  return blank;
};

/**
 * The source is the body of an async function of `ctx`; it is parsed (and, for TypeScript, type
 * annotations blanked out) as that body, on the same first line so lines match the author's.
 */
const HEAD = '(async function (ctx) {';
const TAIL = '\n});';

/** 1-based line and column of the author's source, from a position in the wrapped text. */
const positionOf = (file: SourceFile, offset: number): { line: number; column: number } => {
  const at = file.getLineAndCharacterOfPosition(offset);
  const column = at.line === 0 ? Math.max(0, at.character - HEAD.length) : at.character;
  return { line: at.line + 1, column: column + 1 };
};

const failure = (t: TypeScript, d: Diagnostic): CompileFailure => {
  const at = d.file && d.start !== undefined ? positionOf(d.file, d.start) : { line: 1, column: 1 };
  return { ok: false, message: t.flattenDiagnosticMessageText(d.messageText, '\n'), ...at };
};

const NOT_ERASABLE =
  'This TypeScript needs code generated for it (an enum, a namespace, a parameter property…): scripts may use only syntax whose types can be removed';

/**
 * TypeScript to the JavaScript that runs: every type annotation replaced by spaces, so each line
 * and column of the code is the author's (errors at run time name the source's own lines). Syntax
 * that would need code generated (enums, namespaces, parameter properties) is refused.
 */
const eraseTypes = async (t: TypeScript, wrapped: string): Promise<{ code: string } | CompileFailure> => {
  const { blankSourceFile } = await blanker();
  const file = t.createSourceFile('script.ts', wrapped, t.ScriptTarget.ES2022, true, t.ScriptKind.TS);
  let refused: CompileFailure | undefined;
  const code = blankSourceFile(file, (node) => {
    refused ??= { ok: false, message: NOT_ERASABLE, ...positionOf(file, node.getStart(file)) };
  });
  return refused ?? { code: code.slice(HEAD.length, code.length - TAIL.length) };
};

/**
 * Checks the syntax of a script and, for TypeScript, blanks its types out (no type checking: the
 * editor does that). JavaScript is kept as written. The hash is of the code that runs.
 */
export const compileScript = async (language: ScriptLanguage, source: string): Promise<Compiled> => {
  const t = await typescript();
  const wrapped = `${HEAD}${source}${TAIL}`;
  const result = t.transpileModule(wrapped, {
    fileName: language === 'ts' ? 'script.ts' : 'script.js',
    reportDiagnostics: true,
    compilerOptions: { target: t.ScriptTarget.ES2022, module: t.ModuleKind.ESNext, allowJs: true, removeComments: false },
  });
  const error = result.diagnostics?.find((d) => d.category === t.DiagnosticCategory.Error);
  if (error) return failure(t, error);
  const erased = language === 'ts' ? await eraseTypes(t, wrapped) : { code: source };
  if ('ok' in erased) return erased;
  return { ok: true, code: erased.code, hash: createHash('sha256').update(erased.code).digest('hex') };
};
