import type { ReactNode } from 'react';
import type { MediaAssetView } from '../api/media.js';
import { useLocale } from '../i18n/context.js';
import { useMessages } from '../i18n/messages.js';
import { fileSize, mediaMessages } from './media-messages.js';

/** The asset's thumbnail (its smallest variant), or a plain box for files without one. */
export const MediaThumb = ({ asset, size = 160 }: { readonly asset: MediaAssetView; readonly size?: number }) => {
  const t = useMessages(mediaMessages);
  return asset.thumbUrl ? (
    <img src={asset.thumbUrl} alt={asset.alt ?? asset.fileName} width={size} height={size} loading="lazy" decoding="async" />
  ) : (
    <div className="media-no-preview" style={{ width: size, height: size }}>
      {t.noPreview}
    </div>
  );
};

const MediaCard = ({ asset, actions }: { readonly asset: MediaAssetView; readonly actions?: ReactNode }) => {
  const t = useMessages(mediaMessages);
  const { locale } = useLocale();
  return (
    <li className="media-card" data-testid="media-card" data-id={asset.id}>
      <MediaThumb asset={asset} />
      <p className="media-name" title={asset.fileName}>
        {asset.fileName}
      </p>
      <dl className="facts">
        <dt>{t.type}</dt>
        <dd>{asset.contentType}</dd>
        <dt>{t.size}</dt>
        <dd>{fileSize(locale, asset.size)}</dd>
        {asset.width && asset.height ? (
          <>
            <dt>{t.dimensions}</dt>
            <dd>
              {asset.width}×{asset.height}
            </dd>
          </>
        ) : null}
      </dl>
      {actions}
    </li>
  );
};

/** Assets as cards: thumbnail, name, type, size and dimensions, with what may be done to each. */
export const MediaGrid = ({
  assets,
  actionsOf,
}: {
  readonly assets: readonly MediaAssetView[];
  readonly actionsOf?: (asset: MediaAssetView) => ReactNode;
}) => (
  <ul className="media-grid">
    {assets.map((asset) => (
      <MediaCard key={asset.id} asset={asset} actions={actionsOf?.(asset)} />
    ))}
  </ul>
);
