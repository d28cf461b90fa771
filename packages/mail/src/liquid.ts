import { createHash } from 'node:crypto';
import { Liquid, LiquidError, type Template, UndefinedVariableError } from 'liquidjs';
import { environmentGlobals, type RenderEnvironment, registerFilters } from './filters.js';

/** Where a Liquid source failed: a coded value an editor can show next to the line. */
export interface LiquidFailure {
  readonly ok: false;
  /** `syntax`: the source does not parse; `variable`: a variable the data lacks; `limit`: a time, size or memory limit stopped it; `render`: anything else while rendering (a filter's bad input, say). */
  readonly code: 'syntax' | 'variable' | 'limit' | 'render';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type LiquidResult = { readonly ok: true; readonly output: string } | LiquidFailure;

export interface LiquidLimits {
  /** Characters of source one parse may read. */
  readonly parseLimit: number;
  /** Milliseconds one render may take. */
  readonly renderLimitMs: number;
  /** Characters and array items one render may allocate (LiquidJS counts strings, ranges and arrays it builds). */
  readonly memoryLimit: number;
  /** Parsed templates kept, by source hash (least recently used dropped first). */
  readonly cacheSize: number;
}

/** `html`: every output is HTML-escaped unless piped through `raw`; `text`: outputs as they are (subjects, plain-text bodies). */
export type LiquidFlavour = 'html' | 'text';

export interface LiquidRenderer {
  render(flavour: LiquidFlavour, source: string, variables: object, env: RenderEnvironment): Promise<LiquidResult>;
}

export function createLiquid(limits: LiquidLimits): LiquidRenderer {
  const engines: Record<LiquidFlavour, Liquid> = { html: createEngine(limits, 'escape'), text: createEngine(limits, undefined) };
  const cache = new Map<string, Template[]>();

  function parse(flavour: LiquidFlavour, source: string): Template[] {
    const key = createHash('sha256').update(flavour).update('\0').update(source).digest('base64url');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const parsed = engines[flavour].parse(source);
    cache.set(key, parsed);
    if (cache.size > limits.cacheSize) cache.delete(cache.keys().next().value as string);
    return parsed;
  }

  return {
    async render(flavour, source, variables, env) {
      let templates: Template[];
      try {
        templates = parse(flavour, source);
      } catch (error) {
        return failure(error, 'syntax');
      }
      try {
        const output: unknown = await engines[flavour].render(templates, variables, { globals: environmentGlobals(env) });
        return { ok: true, output: String(output) };
      } catch (error) {
        return failure(error, 'render');
      }
    },
  };
}

function createEngine(limits: LiquidLimits, outputEscape: 'escape' | undefined): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    lenientIf: true,
    ownPropertyOnly: true,
    // An empty in-memory mapping: `include`, `render` and `layout` find nothing, and never read the file system.
    templates: {},
    outputEscape,
    parseLimit: limits.parseLimit,
    renderLimit: limits.renderLimitMs,
    memoryLimit: limits.memoryLimit,
  });
  registerFilters(engine);
  return engine;
}

function failure(error: unknown, stage: 'syntax' | 'render'): LiquidFailure {
  if (!(error instanceof Error)) throw error;
  const code = /limit exceeded/.test(error.message) ? 'limit' : error instanceof UndefinedVariableError ? 'variable' : stage;
  if (!(error instanceof LiquidError)) {
    if (code === 'limit') return { ok: false, code, message: error.message };
    throw error;
  }
  const [line, column] = error.token.getPosition();
  // LiquidJS appends the position (", line:2, col:5") and the source around it; the value carries them apart.
  const message = (error.originalError ?? error).message.split('\n')[0]?.replace(/, line:\d+, col:\d+$/, '') ?? error.message;
  return { ok: false, code, message, line, column };
}
