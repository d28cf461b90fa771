import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { createPost, postsQuery } from '../api/blog.js';
import { ErrorNotice } from '../components/error-notice.js';
import { PostTextForm } from '../components/post-text-form.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { heading: 'New post', legend: 'Post', save: 'Save draft' },
  ru: { heading: 'Новая запись', legend: 'Запись', save: 'Сохранить черновик' },
});

/** A new draft post in the tenant's default locale. */
export const NewPost = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createPost,
    onSuccess: async (post) => {
      await queryClient.invalidateQueries({ queryKey: postsQuery.queryKey });
      await navigate({ to: '/blog/$id', params: { id: post.id } });
    },
  });
  return (
    <>
      <h1>{t.heading}</h1>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <PostTextForm legend={t.legend} submitLabel={t.save} pending={create.isPending} onSubmit={(text) => create.mutate(text)} />
    </>
  );
};
