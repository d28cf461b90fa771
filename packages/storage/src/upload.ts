import { type SniffedType, sniffType } from './sniff.js';

/** The types accepted when a caller names none: common images, PDF and plain text. SVG is not among them (script). */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'text/plain',
  'text/csv',
];

export interface UploadCheck {
  /** The file, or at least its first `SNIFF_BYTES` bytes with `size` saying how large the whole is. */
  bytes: Uint8Array;
  /** The whole file's size; `bytes.length` when absent. */
  size?: number;
  /** What the client said it is (a `Content-Type`); absent, empty or `application/octet-stream` claims nothing. */
  declaredType?: string;
  /** The client's file name: its extension must fit the real type when it names a known one. */
  fileName?: string;
  maxBytes: number;
  allowedTypes?: readonly string[];
}

export type UploadRefusal = 'empty' | 'too_large' | 'type_mismatch' | 'type_not_allowed';

export type UploadVerdict =
  | { ok: true; type: string; ext: string }
  | { ok: false; reason: UploadRefusal /** The type the bytes have, when one was recognised. */; detected?: string };

/**
 * Whether an upload may be stored, judged by its bytes. The real type is sniffed; a declared type or a file-name
 * extension that says otherwise is a `type_mismatch` (a PNG named `x.jpg`, an HTML page declared `image/png`); a
 * real type outside `allowedTypes` (or unrecognised) is `type_not_allowed`. Store the file under the returned
 * `ext`, never the client's name.
 */
export const checkUpload = async (check: UploadCheck): Promise<UploadVerdict> => {
  const size = check.size ?? check.bytes.length;
  if (size === 0 || check.bytes.length === 0) return { ok: false, reason: 'empty' };
  if (size > check.maxBytes) return { ok: false, reason: 'too_large' };
  const sniffed = await sniffType(check.bytes);
  if (!sniffed) return { ok: false, reason: 'type_not_allowed' };
  const type = resolveType(sniffed, claimOf(check.declaredType), extensionOf(check.fileName));
  if (!type) return { ok: false, reason: 'type_mismatch', detected: sniffed.type };
  const allowed = check.allowedTypes ?? DEFAULT_ALLOWED_TYPES;
  if (!allowed.includes(type.type)) return { ok: false, reason: 'type_not_allowed', detected: type.type };
  return { ok: true, type: type.type, ext: type.ext };
};

/**
 * The type to record, or undefined when the claim or the name contradicts the bytes. Plain text is one family:
 * a declared `text/csv` (or a `.csv` name) makes it CSV, another declared `text/…` that is not markup is kept.
 */
const resolveType = (sniffed: SniffedType, claim: string | undefined, ext: string | undefined): SniffedType | undefined => {
  const extType = ext === undefined ? undefined : TYPE_OF_EXTENSION.get(ext);
  if (sniffed.type !== 'text/plain') {
    if (claim !== undefined && claim !== sniffed.type) return undefined;
    if (extType !== undefined && extType !== sniffed.type) return undefined;
    return sniffed;
  }
  if (extType !== undefined && !isPlainText(extType)) return undefined;
  if (claim !== undefined && !isPlainText(claim)) return undefined;
  const type = claim ?? extType ?? 'text/plain';
  return { type, ext: EXTENSIONS[type]?.[0] ?? 'txt' };
};

const MARKUP = new Set(['text/html', 'text/xml', 'text/xsl', 'text/javascript', 'text/ecmascript']);
const isPlainText = (type: string): boolean => type.startsWith('text/') && !MARKUP.has(type);

const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

/** The declared type, normalised (`Image/JPG; q=1` → `image/jpeg`), or undefined when it claims nothing. */
const claimOf = (declared: string | undefined): string | undefined => {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') return undefined;
  return ALIASES[type] ?? type;
};

const extensionOf = (fileName: string | undefined): string | undefined => {
  const dot = fileName?.lastIndexOf('.') ?? -1;
  return fileName && dot > 0 ? fileName.slice(dot + 1).toLowerCase() : undefined;
};

/** Extensions by type, the first one being what a stored copy gets; a name with none of these is not judged. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/heic': ['heic'],
  'image/svg+xml': ['svg', 'svgz'],
  'image/tiff': ['tif', 'tiff'],
  'image/bmp': ['bmp'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/xml': ['xml'],
  'text/html': ['html', 'htm', 'xhtml', 'shtml'],
  'text/javascript': ['js', 'mjs'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  'text/markdown': ['md', 'markdown'],
  'text/css': ['css'],
};

const TYPE_OF_EXTENSION = new Map(Object.entries(EXTENSIONS).flatMap(([type, exts]) => exts.map((ext) => [ext, type] as const)));
