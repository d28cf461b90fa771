import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { mediaAssetsQuery } from '../api/media.js';
import { can } from '../api/permissions.js';
import { MediaCardActions } from '../components/media-card-actions.js';
import { MediaDropzone, MediaFilePicker } from '../components/media-dropzone.js';
import { MediaGrid } from '../components/media-grid.js';
import { mediaMessages } from '../components/media-messages.js';
import { MediaUploadList } from '../components/media-upload-list.js';
import { useMediaUploads } from '../components/media-uploads.js';
import { useMessages } from '../i18n/messages.js';

/** The tenant's files: uploads by dropping anywhere on the page or by the picker, the grid, 48 at a time. */
export const MediaLibrary = () => {
  const t = useMessages(mediaMessages);
  const { data: me } = useSuspenseQuery(meQuery);
  const list = useSuspenseInfiniteQuery(mediaAssetsQuery());
  const manage = can(me, 'media.assets.manage');
  const { uploads, add } = useMediaUploads();
  const assets = list.data.pages.flatMap((p) => p.items);
  return (
    <MediaDropzone onFiles={(files) => void add(files)} disabled={!manage}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {manage ? <MediaFilePicker onFiles={(files) => void add(files)} /> : null}
      <MediaUploadList uploads={uploads} />
      {assets.length === 0 ? <p>{t.none}</p> : null}
      <MediaGrid assets={assets} actionsOf={(asset) => <MediaCardActions asset={asset} canManage={manage} />} />
      {list.hasNextPage ? (
        <p>
          <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t.more}
          </button>
        </p>
      ) : null}
    </MediaDropzone>
  );
};
