import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteMediaAsset, type MediaAssetView } from '../api/media.js';
import { useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';
import { mediaMessages } from './media-messages.js';

/** The asset's absolute address (what a page outside the admin would use). */
const absolute = (url: string) => new URL(url, window.location.origin).href;

/** Copy the id or the URL; delete after a question (with the right to manage media). */
export const MediaCardActions = ({ asset, canManage }: { readonly asset: MediaAssetView; readonly canManage: boolean }) => {
  const t = useMessages(mediaMessages);
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  const remove = useMutation({
    mutationFn: () => deleteMediaAsset(asset.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['media'] }),
  });
  return (
    <div className="row media-actions">
      <button type="button" aria-label={`${t.copyId}: ${asset.fileName}`} onClick={() => copy(asset.id)}>
        {t.copyId}
      </button>
      <button type="button" aria-label={`${t.copyUrl}: ${asset.fileName}`} onClick={() => copy(absolute(asset.url))}>
        {t.copyUrl}
      </button>
      {canManage ? (
        <ConfirmAction
          label={t.delete}
          question={t.deleteQuestion(asset.fileName)}
          confirmLabel={t.delete}
          disabled={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      ) : null}
      {copied ? <span role="status">{t.copied}</span> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
    </div>
  );
};
