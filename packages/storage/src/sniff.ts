/** file-type loads with the first file sniffed, not at start. */
let fileTypeLoaded: Promise<typeof import('file-type')['fileTypeFromBuffer']> | undefined;
const loadFileType = (): Promise<typeof import('file-type')['fileTypeFromBuffer']> => {
  fileTypeLoaded ??= import('file-type').then((m) => m.fileTypeFromBuffer);
  return fileTypeLoaded;
};

/** A type decided from the bytes: a MIME type and the extension a stored copy should carry. */
export interface SniffedType {
  type: string;
  ext: string;
}

/** How many leading bytes `sniffType` looks at: enough for every signature `file-type` knows and the text check. */
export const SNIFF_BYTES = 4100;

const SVG: SniffedType = { type: 'image/svg+xml', ext: 'svg' };
const HTML: SniffedType = { type: 'text/html', ext: 'html' };
const XML: SniffedType = { type: 'application/xml', ext: 'xml' };
const TEXT: SniffedType = { type: 'text/plain', ext: 'txt' };

/**
 * The real type of a file from its first bytes (give at least `SNIFF_BYTES`, or the whole file), never from its
 * name: binary formats by their signatures (`file-type`), then text, which is markup (HTML, SVG, XML: all able
 * to carry script) or plain text. Undefined for bytes that are neither a known format nor text.
 */
export const sniffType = async (bytes: Uint8Array): Promise<SniffedType | undefined> => {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const found = await (await loadFileType())(head);
  if (found && found.mime !== 'application/xml') return { type: found.mime, ext: found.ext };
  const text = decodeText(head);
  if (text === undefined) return undefined;
  return markupType(text) ?? (found ? XML : TEXT);
};

/** The bytes as text when they are UTF-8 without control characters (a sequence cut at the end is allowed). */
const decodeText = (bytes: Uint8Array): string | undefined => {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
};

/**
 * Markup a browser could run: the openings the WHATWG MIME sniffing standard takes for HTML, plus `<svg`, `<script`,
 * `<html` or `<iframe` anywhere in the head (stricter than a browser: a text file quoting them is refused too).
 */
const markupType = (text: string): SniffedType | undefined => {
  const lower = text.toLowerCase();
  if (/<svg[\s>/]/.test(lower)) return SVG;
  const start = lower.replace(/^\ufeff?\s*/, '');
  if (HTML_OPENINGS.test(start) || /<(script|html|iframe)[\s>/]/.test(lower)) return HTML;
  if (start.startsWith('<?xml')) return XML;
  return undefined;
};

const HTML_OPENINGS = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/;
