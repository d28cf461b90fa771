import { findUserAddress } from '@rustok/auth';
import { BLOG_EVENT, type CommentForMail, type CommentModeratedPayload, loadCommentForMail } from '@rustok/blog/contracts';
import type { EventEnvelope, EventHandlerDeclaration, HandlerContext } from '@rustok/kernel';
import { enqueueMails, type MailRequest } from './queue.js';

/** The author's "your comment is published" mail, in the comment's language, linking to it on the storefront. */
const approvedMail = (c: CommentForMail, author: { email: string; name: string | null }): MailRequest => ({
  template: 'comment.approved',
  locale: c.locale,
  to: author.email,
  variables: {
    user: { name: author.name || c.authorName || (author.email.split('@')[0] ?? '') },
    comment: { excerpt: c.excerpt },
    post: { title: c.post.title, url: c.post.path },
  },
});

/**
 * Comment approved: a comment a moderator approved (and that was not approved before) queues a mail
 * to its author when the author is an active registered user (a comment without an account has no
 * address: nobody is told). In the consumer's transaction with its receipt: an event handled twice
 * queues nothing more. The comment is read through the blog's contract, the address through auth's.
 */
export const commentApprovedMails: EventHandlerDeclaration = {
  consumer: 'notifications.comment-mails',
  types: [BLOG_EVENT.commentModerated],
  handle: async (event: EventEnvelope, ctx: HandlerContext) => {
    const moderated = event.payload as CommentModeratedPayload;
    if (moderated.to !== 'approved' || moderated.from === 'approved') return;
    const comment = await loadCommentForMail(ctx.tx, moderated.commentId);
    if (!comment?.authorId) return;
    const author = await findUserAddress(ctx.tx, comment.authorId);
    if (!author) return;
    await enqueueMails(ctx.tx, ctx.tenantId, [approvedMail(comment, author)]);
  },
};
