import type { TSchema } from '@sinclair/typebox';
import { createLiquid, type LiquidFlavour, type LiquidLimits } from './liquid.js';
import { compileMjml, htmlToText } from './mjml.js';
import type { MailTemplate } from './templates.js';
import { checkVariables } from './variables.js';

export interface RendererOptions {
  /** Largest source of one part (subject, MJML, text), in UTF-8 bytes; default 64 KiB. */
  readonly maxSourceBytes?: number;
  /** Milliseconds one Liquid render may take; default 500. */
  readonly renderLimitMs?: number;
  /** Characters and array items one Liquid render may allocate; default 2,000,000. */
  readonly memoryLimit?: number;
  /** Parsed Liquid templates kept, by source hash; default 500. */
  readonly cacheSize?: number;
}

export interface RenderRequest {
  readonly template: MailTemplate;
  readonly variables: object;
  /** The mail's locale (BCP 47), for `money` and `date`. */
  readonly locale: string;
  /** IANA time zone for `date`; default `UTC`. */
  readonly timeZone?: string;
  /** When given, the variables are checked against it first. */
  readonly schema?: TSchema;
}

export interface RenderedMail {
  readonly ok: true;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** Which part of the template failed, and how; `line` is in that part's source (for `mjml`, in the MJML the Liquid produced). */
export interface RenderFailure {
  readonly ok: false;
  readonly code: 'too_large' | 'variables' | 'syntax' | 'variable' | 'limit' | 'render' | 'mjml' | 'locale';
  readonly part?: 'subject' | 'mjml' | 'text';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type RenderResult = RenderedMail | RenderFailure;

export interface Renderer {
  render(request: RenderRequest): Promise<RenderResult>;
}

const PARTS = ['subject', 'mjml', 'text'] as const;
type Part = (typeof PARTS)[number];
const FLAVOUR: Record<Part, LiquidFlavour> = { subject: 'text', mjml: 'html', text: 'text' };

export function createRenderer(options: RendererOptions = {}): Renderer {
  const maxSourceBytes = options.maxSourceBytes ?? 64 * 1024;
  const limits = {
    parseLimit: maxSourceBytes,
    renderLimitMs: options.renderLimitMs ?? 500,
    memoryLimit: options.memoryLimit ?? 2_000_000,
    cacheSize: options.cacheSize ?? 500,
  } satisfies LiquidLimits;
  const liquid = createLiquid(limits);

  return {
    async render(request) {
      const refused = precheck(request, maxSourceBytes);
      if (refused) return refused;
      const env = { locale: request.locale, timeZone: request.timeZone ?? 'UTC' };
      const out: Partial<Record<Part, string>> = {};
      for (const part of PARTS) {
        const source = request.template[part];
        if (source === undefined) continue;
        const result = await liquid.render(FLAVOUR[part], source, request.variables, env);
        if (!result.ok) return { ...result, part };
        out[part] = result.output;
      }
      const compiled = await compileMjml(out.mjml ?? '');
      if (!compiled.ok) return { ...compiled, part: 'mjml' };
      const text = out.text === undefined ? await htmlToText(compiled.html) : out.text.trim();
      return { ok: true, subject: oneLine(out.subject ?? ''), html: compiled.html, text };
    },
  };
}

/** What is refused before any Liquid runs: a locale Intl does not know, a part too large, variables off their schema. */
function precheck(request: RenderRequest, maxSourceBytes: number): RenderFailure | undefined {
  try {
    Intl.getCanonicalLocales(request.locale);
    new Intl.DateTimeFormat(request.locale, { timeZone: request.timeZone ?? 'UTC' });
  } catch (error) {
    return { ok: false, code: 'locale', message: error instanceof Error ? error.message : String(error) };
  }
  for (const part of PARTS) {
    const source = request.template[part];
    if (source !== undefined && Buffer.byteLength(source) > maxSourceBytes) {
      return { ok: false, code: 'too_large', part, message: `the ${part} is larger than ${maxSourceBytes} bytes` };
    }
  }
  if (request.schema) {
    const check = checkVariables(request.schema, request.variables);
    if (!check.ok) return check;
  }
  return undefined;
}

/** A subject is one header line: line breaks and runs of white space become one space. */
function oneLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}
