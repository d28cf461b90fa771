import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { type Post, type PostText, postQuery, updatePost } from '../api/blog.js';
import { revisionsQuery } from '../api/content.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { AttachedFieldsets } from '../components/flex-attached.js';
import { PostTaxonomyFields } from '../components/post-taxonomy-fields.js';
import { PostTextForm } from '../components/post-text-form.js';
import { RevisionList } from '../components/revision-list.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'Back to the post',
    heading: (title: string) => `Edit “${title}”`,
    legend: (locale: string) => `Text (${locale})`,
    save: 'Save changes',
    saved: 'Changes saved; the previous text is kept as a revision.',
  },
  ru: {
    back: 'Назад к записи',
    heading: (title: string) => `Правка «${title}»`,
    legend: (locale: string) => `Текст (${locale})`,
    save: 'Сохранить изменения',
    saved: 'Изменения сохранены; прежний текст остался в редакциях.',
  },
});

/** The form with the post's text, live preview, category and tags; one save writes them all as a new revision. */
const EditorForm = ({ post, onSave, pending }: { post: Post; pending: boolean; onSave: (text: PostText, taxonomy: Taxonomy) => void }) => {
  const t = useMessages(messages);
  const [taxonomy, setTaxonomy] = useState<Taxonomy>({ categoryId: post.categoryId, tagIds: [...post.tagIds] });
  return (
    <PostTextForm
      legend={t.legend(post.locale)}
      submitLabel={t.save}
      initial={{ title: post.title, slug: post.slug, excerpt: post.excerpt, body: post.body ?? '' }}
      previewOpen
      pending={pending}
      onSubmit={(text) => onSave(text, taxonomy)}
    >
      <PostTaxonomyFields categoryId={taxonomy.categoryId} tagIds={taxonomy.tagIds} onChange={setTaxonomy} />
    </PostTextForm>
  );
};

interface Taxonomy {
  readonly categoryId: string | null;
  readonly tagIds: string[];
}

/** A post's editor (its default locale) and its revisions: compare with the current text, restore. */
export const PostEditor = () => {
  const { id } = getRouteApi('/app/blog/$id/edit').useParams();
  const { data: post } = useSuspenseQuery(postQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updatePost,
    onSuccess: (next) => {
      queryClient.setQueryData(postQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: revisionsQuery(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['blog', 'posts'] });
    },
  });
  return (
    <>
      <p>
        <Link to="/blog/$id" params={{ id }}>
          {t.back}
        </Link>
      </p>
      <h1>{t.heading(post.title)}</h1>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">{t.saved}</p> : null}
      <EditorForm
        key={post.revision}
        post={post}
        pending={save.isPending}
        onSave={(text, taxonomy) => save.mutate({ id, locale: post.locale, ...text, ...taxonomy })}
      />
      {can(me, 'flex.entries.read') ? (
        <AttachedFieldsets target="content_node" kind="post" entityId={id} canWrite={can(me, 'flex.entries.update')} />
      ) : null}
      {can(me, 'content.nodes.read') ? (
        <RevisionList post={post} canRestore={can(me, 'content.nodes.update') || can(me, 'content.nodes.update_own')} />
      ) : null}
    </>
  );
};
