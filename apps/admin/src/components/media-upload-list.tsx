import { useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { mediaMessages } from './media-messages.js';
import type { UploadState } from './media-uploads.js';

const UploadRow = ({ upload }: { readonly upload: UploadState }) => {
  const t = useMessages(mediaMessages);
  return (
    <li data-testid="media-upload" data-name={upload.name}>
      <span>{upload.name}</span>{' '}
      {upload.error ? (
        <ErrorNotice error={upload.error} />
      ) : upload.asset ? (
        <span role="status">{t.uploaded}</span>
      ) : (
        <progress max={1} value={upload.progress} aria-label={t.uploading(upload.name)} />
      )}
    </li>
  );
};

/** The files of this visit's uploads, newest first: progress while sending, then done or the API's refusal. */
export const MediaUploadList = ({ uploads }: { readonly uploads: readonly UploadState[] }) => {
  const t = useMessages(mediaMessages);
  if (uploads.length === 0) return null;
  return (
    <section aria-label={t.uploads}>
      <ul className="media-uploads">
        {uploads.map((u) => (
          <UploadRow key={u.key} upload={u} />
        ))}
      </ul>
    </section>
  );
};
