import type { convert as Convert } from 'html-to-text';
import type mjml2html from 'mjml';

/**
 * MJML (with its HTML minifier, CSS inliner and parser: some 60 MB of a process) and html-to-text load on the
 * first mail rendered, not at start: a server that sends no mail does not carry them.
 */
let mjmlLoaded: Promise<typeof mjml2html> | undefined;
const loadMjml = (): Promise<typeof mjml2html> => {
  mjmlLoaded ??= import('mjml').then((m) => m.default);
  return mjmlLoaded;
};
let convertLoaded: Promise<typeof Convert> | undefined;
const loadConvert = (): Promise<typeof Convert> => {
  convertLoaded ??= import('html-to-text').then((m) => m.convert);
  return convertLoaded;
};

export type MjmlResult =
  | { readonly ok: true; readonly html: string }
  | { readonly ok: false; readonly code: 'mjml'; readonly message: string; readonly line?: number };

const OPTIONS = {
  validationLevel: 'soft',
  ignoreIncludes: true,
  useMjmlConfigOptions: false,
  keepComments: false,
  fonts: {},
} as const satisfies Parameters<typeof mjml2html>[1];

/**
 * MJML to e-mail HTML (MJML 5 compiles asynchronously). Validation is MJML's strict rules, reported as a value:
 * the first problem's message and its line in the rendered MJML. Includes, the `.mjmlconfig` file and web fonts
 * are off: a tenant's template reads no file and makes the mail load nothing it did not write.
 */
export async function compileMjml(source: string): Promise<MjmlResult> {
  if (!/<mjml[\s>]/i.test(source)) return { ok: false, code: 'mjml', message: 'the body must be an <mjml> document' };
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await (await loadMjml())(source, OPTIONS);
  } catch (error) {
    // MJML throws on a document it cannot read at all ("Malformed MJML…").
    if (error instanceof Error) return { ok: false, code: 'mjml', message: error.message };
    throw error;
  }
  const first = result.errors[0];
  if (first) return { ok: false, code: 'mjml', message: first.message, line: first.line };
  return { ok: true, html: result.html };
}

/** The plain-text part of a mail whose template has none: its HTML as text, links written out after their words. */
export async function htmlToText(html: string): Promise<string> {
  const convert = await loadConvert();
  return convert(html, {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      // MJML lays the mail out in tables of one cell a row: a row is a line, its cells run on (an `mj-table` row too).
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'inline' },
      { selector: 'th', format: 'inline' },
    ],
  }).trim();
}
