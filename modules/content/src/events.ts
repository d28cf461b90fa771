import { type EventDeclaration, Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

export const NODE_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
const Status = Type.Union(NODE_STATUSES.map((s) => Type.Literal(s)));
const Kind = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
const Locale = Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });

/** What every node event carries: enough for a read model to know what to re-read. */
export const NodeEventPayload = Type.Object(
  {
    nodeId: Id(),
    kind: Kind,
    status: Status,
    authorId: Type.Union([Id(), Type.Null()]),
    locales: Type.Array(Locale, { maxItems: 100 }),
    revision: Type.Integer({ minimum: 0 }),
    changes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    publishedAt: Type.Union([Timestamp(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type NodeEventPayload = Static<typeof NodeEventPayload>;

const DeletedPayload = Type.Object({ nodeId: Id(), kind: Kind }, { additionalProperties: false });
const CategoryPayload = Type.Object(
  { categoryId: Id(), slug: Type.String({ maxLength: 200 }), parentId: Type.Union([Id(), Type.Null()]) },
  { additionalProperties: false },
);
const TagPayload = Type.Object({ tagId: Id(), slug: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

const node = (action: string, description: string): EventDeclaration => ({
  type: `content.node.${action}`,
  schemaVersion: 1,
  description,
  payload: NodeEventPayload,
});

export const NODE_EVENT = {
  created: 'content.node.created',
  updated: 'content.node.updated',
  published: 'content.node.published',
  archived: 'content.node.archived',
  deleted: 'content.node.deleted',
} as const;

export const contentEvents: readonly EventDeclaration[] = [
  node('created', 'A content node was created (draft or scheduled)'),
  node('updated', 'Fields, a translation, tags or the status (other than publish/archive) of a node changed, or a revision was restored'),
  node('published', 'A node became published (directly or when its scheduled time came)'),
  node('archived', 'A node was archived'),
  { type: NODE_EVENT.deleted, schemaVersion: 1, description: 'A node (and its subtree) was deleted', payload: DeletedPayload },
  { type: 'content.category.created', schemaVersion: 1, description: 'A category was created', payload: CategoryPayload },
  { type: 'content.category.updated', schemaVersion: 1, description: 'A category was renamed or moved', payload: CategoryPayload },
  { type: 'content.category.deleted', schemaVersion: 1, description: 'A category was deleted', payload: CategoryPayload },
  { type: 'content.tag.created', schemaVersion: 1, description: 'A tag was created', payload: TagPayload },
];
