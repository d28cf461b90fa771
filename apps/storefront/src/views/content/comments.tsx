import type { PageContext } from '../../context.js';
import { contentMessages } from '../../i18n/content.js';
import { formatDate } from '../../i18n/format.js';
import { messagesFor } from '../../i18n/messages.js';
import type { ApiNode } from '../../routes/content/content-api.js';

/** A comment's or reply's text: the platform's sanitised HTML, else its plain body as text. */
export const NodeBody = ({ node }: { node: ApiNode }) =>
  typeof node.bodyHtml === 'string' ? (
    <div class="body" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />
  ) : (
    <p class="body">{node.body ?? ''}</p>
  );

/** Comments or replies, oldest first, each an article with its date. */
export const NodeThread = ({ ctx, nodes, empty }: { ctx: PageContext; nodes: readonly ApiNode[]; empty: string }) =>
  nodes.length === 0 ? (
    <p class="muted">{empty}</p>
  ) : (
    <ol class="thread">
      {nodes.map((node) => {
        const at = node.publishedAt ?? node.createdAt;
        return (
          <li>
            <article class="comment" id={`c-${node.id}`}>
              <p class="muted">
                <time datetime={at}>{formatDate(ctx.locale, at)}</time>
              </p>
              <NodeBody node={node} />
            </article>
          </li>
        );
      })}
    </ol>
  );

/** What the comment form shows after a post: a notice (from the redirect's `?comment=`) or the failure and the text kept. */
export interface CommentState {
  readonly error?: string | undefined;
  readonly draft?: string | undefined;
}

const Notice = ({ ctx }: { ctx: PageContext }) => {
  const t = messagesFor(contentMessages, ctx.locale);
  const state = ctx.query.get('comment');
  if (state !== 'pending' && state !== 'published') return null;
  return (
    <p class="notice" role="status">
      {state === 'pending' ? t.commentPending : t.commentPublished}
    </p>
  );
};

/** The comment form for a signed-in customer; a guest is sent to sign in. */
export const CommentForm = ({ ctx, action, state }: { ctx: PageContext; action: string; state: CommentState }) => {
  const t = messagesFor(contentMessages, ctx.locale);
  if (!ctx.signedIn) {
    return (
      <p>
        <a href={ctx.href('/account')}>{t.signInToComment}</a>
      </p>
    );
  }
  return (
    <form class="form" method="post" action={action}>
      <label for="comment-body">{t.commentLabel}</label>
      <textarea
        id="comment-body"
        name="body"
        rows={5}
        required
        maxLength={20000}
        aria-invalid={state.error ? 'true' : undefined}
        aria-describedby={state.error ? 'comment-error' : undefined}
        value={state.draft ?? ''}
      />
      {state.error ? (
        <p id="comment-error" class="error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button type="submit" class="button">
        {t.commentSubmit}
      </button>
    </form>
  );
};

/** The comments section of a post: the notice, the approved comments, the form (or the sign-in link). */
export const CommentsSection = (props: { ctx: PageContext; comments: readonly ApiNode[]; action: string; state: CommentState }) => {
  const t = messagesFor(contentMessages, props.ctx.locale);
  return (
    <section id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t.commentsTitle}</h2>
      <Notice ctx={props.ctx} />
      <NodeThread ctx={props.ctx} nodes={props.comments} empty={t.noComments} />
      <CommentForm ctx={props.ctx} action={props.action} state={props.state} />
    </section>
  );
};
