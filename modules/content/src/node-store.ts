import { type AppError, generateId, type SqlRunner } from '@rustok/kernel';
import type { ContentTx } from './context.js';
import { contentErrors } from './errors.js';
import type { NodeEventPayload } from './events.js';
import type { BodyFormat } from './render.js';
import type { ContentNode } from './schemas.js';
import type { ContentSettings } from './settings.js';
import { allowedTransitions, type NodeStatus } from './status.js';

export interface NodeRow {
  id: string;
  kind: string;
  parent_id: string | null;
  author_id: string | null;
  category_id: string | null;
  status: NodeStatus;
  position: number;
  depth: number;
  reply_count: number;
  metadata: Record<string, unknown>;
  publish_at: Date | string | null;
  published_at: Date | string | null;
  revision: number;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

export interface TranslationRow {
  locale: string;
  title: string;
  slug: string;
  excerpt: string | null;
  body: string;
  body_format: BodyFormat;
  body_html: string;
  [key: string]: unknown;
}

const NODE_COLUMNS =
  'id, kind, parent_id, author_id, category_id, status, position, depth, reply_count, metadata, publish_at, published_at, revision, created_at, updated_at';

export const nodeNotFound = (id: string): AppError => contentErrors.CONTENT_NODE_NOT_FOUND(`No content node ${id}`);

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The node row (locked for update when asked), or 404: another tenant's node is simply not there. */
export const loadNode = async (tx: SqlRunner, id: string, forUpdate = false): Promise<NodeRow> => {
  const { rows } = await tx.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM content_nodes WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  const row = rows[0];
  if (!row) throw nodeNotFound(id);
  return row;
};

export const loadTranslations = async (tx: SqlRunner, nodeIds: readonly string[]): Promise<Map<string, TranslationRow[]>> => {
  const out = new Map<string, TranslationRow[]>();
  if (nodeIds.length === 0) return out;
  const { rows } = await tx.query<TranslationRow & { node_id: string }>(
    `SELECT node_id, locale, title, slug, excerpt, body, body_format, body_html
       FROM content_translations WHERE node_id = ANY($1::uuid[]) ORDER BY locale`,
    [nodeIds],
  );
  for (const row of rows) out.set(row.node_id, [...(out.get(row.node_id) ?? []), row]);
  return out;
};

export const loadTagIds = async (tx: SqlRunner, nodeIds: readonly string[]): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>();
  if (nodeIds.length === 0) return out;
  const { rows } = await tx.query<{ node_id: string; tag_id: string }>(
    'SELECT node_id, tag_id FROM content_node_tags WHERE node_id = ANY($1::uuid[]) ORDER BY tag_id',
    [nodeIds],
  );
  for (const row of rows) out.set(row.node_id, [...(out.get(row.node_id) ?? []), row.tag_id]);
  return out;
};

/** The fallback chain: the requested locale, then the tenant's default, then any (alphabetical). */
const pickTranslation = (
  translations: readonly TranslationRow[],
  requested: string | undefined,
  settings: ContentSettings,
): TranslationRow | undefined =>
  (requested ? translations.find((t) => t.locale === requested) : undefined) ??
  translations.find((t) => t.locale === settings.defaultLocale) ??
  translations[0];

export interface ViewOptions {
  readonly locale?: string;
  readonly withBody: boolean;
}

export const toNode = (
  row: NodeRow,
  translations: readonly TranslationRow[],
  tagIds: readonly string[],
  settings: ContentSettings,
  options: ViewOptions,
): ContentNode => {
  const t = pickTranslation(translations, options.locale, settings);
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    authorId: row.author_id,
    categoryId: row.category_id,
    status: row.status,
    position: row.position,
    depth: row.depth,
    replyCount: row.reply_count,
    metadata: row.metadata,
    publishAt: iso(row.publish_at),
    publishedAt: iso(row.published_at),
    revision: row.revision,
    createdAt: iso(row.created_at) ?? '',
    updatedAt: iso(row.updated_at) ?? '',
    tagIds: [...tagIds],
    locale: t?.locale ?? settings.defaultLocale,
    title: t?.title ?? '',
    slug: t?.slug ?? '',
    excerpt: t?.excerpt ?? null,
    ...(options.withBody ? { body: t?.body ?? '', bodyFormat: t?.body_format ?? 'markdown', bodyHtml: t?.body_html ?? '' } : {}),
    translations: translations.map((x) => ({ locale: x.locale, title: x.title, slug: x.slug })),
    allowedTransitions: [...allowedTransitions(row.status)],
  };
};

/** Reads one node in full, for answers after a write and for GET. */
export const readNode = async (tx: SqlRunner, id: string, settings: ContentSettings, locale?: string): Promise<ContentNode> => {
  const row = await loadNode(tx, id);
  const translations = (await loadTranslations(tx, [id])).get(id) ?? [];
  const tags = (await loadTagIds(tx, [id])).get(id) ?? [];
  return toNode(row, translations, tags, settings, { ...(locale ? { locale } : {}), withBody: true });
};

/** What a revision keeps: everything a restore puts back. */
export interface NodeSnapshot {
  readonly status: NodeStatus;
  readonly categoryId: string | null;
  readonly position: number;
  readonly metadata: Record<string, unknown>;
  readonly tagIds: readonly string[];
  readonly translations: readonly {
    locale: string;
    title: string;
    slug: string;
    excerpt: string | null;
    body: string;
    bodyFormat: BodyFormat;
  }[];
}

const snapshotOf = async (tx: SqlRunner, row: NodeRow): Promise<NodeSnapshot> => ({
  status: row.status,
  categoryId: row.category_id,
  position: row.position,
  metadata: row.metadata,
  tagIds: (await loadTagIds(tx, [row.id])).get(row.id) ?? [],
  translations: ((await loadTranslations(tx, [row.id])).get(row.id) ?? []).map((t) => ({
    locale: t.locale,
    title: t.title,
    slug: t.slug,
    excerpt: t.excerpt,
    body: t.body,
    bodyFormat: t.body_format,
  })),
});

/**
 * After every change: bumps the node's revision, keeps a snapshot of the new state and publishes
 * the event, all in the caller's transaction.
 */
export const recordChange = async (
  w: ContentTx,
  nodeId: string,
  action: string,
  event: string,
  changes: readonly string[],
): Promise<void> => {
  const { rows } = await w.tx.query<NodeRow>(
    `UPDATE content_nodes SET revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING ${NODE_COLUMNS}`,
    [nodeId],
  );
  const row = rows[0];
  if (!row) throw nodeNotFound(nodeId);
  const snapshot = await snapshotOf(w.tx, row);
  await w.tx.query(`INSERT INTO content_revisions (id, node_id, number, action, author_id, snapshot) VALUES ($1, $2, $3, $4, $5, $6)`, [
    generateId(),
    nodeId,
    row.revision,
    action,
    w.actor.userId,
    JSON.stringify(snapshot),
  ]);
  const payload: NodeEventPayload = {
    nodeId,
    kind: row.kind,
    status: row.status,
    authorId: row.author_id,
    locales: snapshot.translations.map((t) => t.locale),
    revision: row.revision,
    changes: [...changes],
    publishedAt: iso(row.published_at),
  };
  await w.publish(event, payload);
};
