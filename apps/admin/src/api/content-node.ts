/** A content node as the API answers it in one resolved locale (forum topics and replies, pages). */
export interface ContentNode {
  readonly id: string;
  readonly kind: string;
  readonly parentId: string | null;
  readonly authorId: string | null;
  readonly status: 'draft' | 'scheduled' | 'published' | 'archived' | string;
  readonly replyCount: number;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly locale: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly body?: string;
  readonly bodyHtml?: string;
  readonly allowedTransitions: readonly string[];
}

export interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
