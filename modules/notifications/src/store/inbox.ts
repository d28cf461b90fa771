import type { SqlRunner } from '@rustok/kernel';
import type { Notification, NotificationList } from '../schemas-inbox.js';

/** The SQL of `notifications_inbox`, always in a tenant transaction and always for one user. */
type Row = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown>;
  created_at: Date | string;
  read_at: Date | string | null;
};

const COLUMNS = 'id, kind, title, body, link, data, created_at, read_at';
const iso = (v: Date | string): string => new Date(v).toISOString();

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  data: r.data,
  createdAt: iso(r.created_at),
  readAt: r.read_at === null ? null : iso(r.read_at),
});

export interface NewNotice {
  readonly id: string;
  readonly userId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string | null;
  readonly link: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly sourceEventId: string | null;
}

/** Writes notices; one of an event a user already has is skipped. Returns those written. */
export const insertNotices = async (tx: SqlRunner, notices: readonly NewNotice[]): Promise<{ id: string; user_id: string }[]> => {
  if (notices.length === 0) return [];
  const col = <T>(f: (n: NewNotice) => T) => notices.map(f);
  const { rows } = await tx.query<{ id: string; user_id: string }>(
    `INSERT INTO notifications_inbox (id, user_id, kind, title, body, link, data, source_event_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::uuid[])
     ON CONFLICT (tenant_id, source_event_id, user_id) DO NOTHING RETURNING id, user_id`,
    [
      col((n) => n.id),
      col((n) => n.userId),
      col((n) => n.kind),
      col((n) => n.title),
      col((n) => n.body),
      col((n) => n.link),
      col((n) => JSON.stringify(n.data)),
      col((n) => n.sourceEventId),
    ],
  );
  return rows;
};

/** A user's notices, newest first (ids sort by creation time); `cursor` is the last id of the previous page. */
export const selectNotices = async (
  tx: SqlRunner,
  userId: string,
  page: { limit: number; cursor?: string; unread?: boolean },
): Promise<NotificationList> => {
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM notifications_inbox
      WHERE user_id = $1 AND ($3::uuid IS NULL OR id < $3::uuid) AND (NOT $4::boolean OR read_at IS NULL)
      ORDER BY id DESC LIMIT $2`,
    [userId, page.limit + 1, page.cursor ?? null, page.unread ?? false],
  );
  const items = rows.slice(0, page.limit).map(toNotification);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null };
};

/** The user's notices among `ids` (others' ids give nothing), oldest first. */
export const selectNoticesById = async (tx: SqlRunner, userId: string, ids: readonly string[]): Promise<Notification[]> =>
  (
    await tx.query<Row>(`SELECT ${COLUMNS} FROM notifications_inbox WHERE user_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`, [userId, ids])
  ).rows.map(toNotification);

/** The user's notices newer than `afterId`, oldest first (a stream catching up), at most `limit`. */
export const selectNoticesAfter = async (tx: SqlRunner, userId: string, afterId: string, limit: number): Promise<Notification[]> =>
  (
    await tx.query<Row>(`SELECT ${COLUMNS} FROM notifications_inbox WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      userId,
      afterId,
      limit,
    ])
  ).rows.map(toNotification);

export const countUnread = async (tx: SqlRunner, userId: string): Promise<number> =>
  (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications_inbox WHERE user_id = $1 AND read_at IS NULL', [userId]))
    .rows[0]?.n ?? 0;

/** Marks one of the user's notices read (kept as it was if it already is); undefined when it is not theirs. */
export const markNoticeRead = async (tx: SqlRunner, userId: string, id: string): Promise<Notification | undefined> => {
  const { rows } = await tx.query<Row>(
    `UPDATE notifications_inbox SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId],
  );
  return rows[0] && toNotification(rows[0]);
};

/** Marks every unread notice of the user read; how many were. */
export const markAllNoticesRead = async (tx: SqlRunner, userId: string): Promise<number> =>
  (
    await tx.query<{ id: string }>('UPDATE notifications_inbox SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id', [
      userId,
    ])
  ).rows.length;
