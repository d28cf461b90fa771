import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { type MediaAssetView, mediaAssetsQuery } from '../api/media.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { MediaDropzone, MediaFilePicker } from './media-dropzone.js';
import { MediaGrid } from './media-grid.js';
import { mediaMessages } from './media-messages.js';
import { MediaUploadList } from './media-upload-list.js';
import { useMediaUploads } from './media-uploads.js';

const messages = defineMessages({
  en: { library: 'Media library', pick: (name: string) => `Use ${name}`, use: 'Use' },
  ru: { library: 'Медиатека', pick: (name: string) => `Выбрать ${name}`, use: 'Выбрать' },
});

/**
 * The library's images to pick from, and uploads (dropped on it or chosen): an uploaded image is
 * picked as soon as it is stored.
 */
export const MediaPicker = ({ onPick, canUpload }: { readonly onPick: (asset: MediaAssetView) => void; readonly canUpload: boolean }) => {
  const t = useMessages(messages);
  const m = useMessages(mediaMessages);
  const list = useSuspenseInfiniteQuery(mediaAssetsQuery('image'));
  const { uploads, add } = useMediaUploads(onPick);
  const assets = list.data.pages.flatMap((p) => p.items);
  return (
    <MediaDropzone onFiles={(files) => void add(files)} disabled={!canUpload}>
      <section aria-label={t.library} className="stack media-library-picker">
        {canUpload ? <MediaFilePicker accept="image/*" onFiles={(files) => void add(files)} /> : null}
        <MediaUploadList uploads={uploads} />
        {assets.length === 0 ? <p>{m.none}</p> : null}
        <MediaGrid
          assets={assets}
          actionsOf={(asset) => (
            <button type="button" aria-label={t.pick(asset.fileName)} onClick={() => onPick(asset)}>
              {t.use}
            </button>
          )}
        />
        {list.hasNextPage ? (
          <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {m.more}
          </button>
        ) : null}
      </section>
    </MediaDropzone>
  );
};
