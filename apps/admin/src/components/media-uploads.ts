import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { type MediaAssetView, uploadMediaFile } from '../api/media.js';

/** One file being uploaded: the share sent so far, then the stored asset or the API's refusal. */
export interface UploadState {
  readonly key: string;
  readonly name: string;
  readonly progress: number;
  readonly asset?: MediaAssetView;
  readonly error?: Error;
}

let counter = 0;

/**
 * Uploads of this screen: each file sent on its own (progress per file, its own error), the lists
 * of assets read again as each arrives. `onUploaded` hears every stored asset.
 */
export const useMediaUploads = (onUploaded?: (asset: MediaAssetView) => void) => {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<readonly UploadState[]>([]);
  const patch = useCallback((key: string, change: Partial<UploadState>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);
  const upload = useCallback(
    async (file: File) => {
      counter += 1;
      const key = `upload-${counter}`;
      setUploads((list) => [{ key, name: file.name, progress: 0 }, ...list]);
      try {
        const asset = await uploadMediaFile(file, (progress) => patch(key, { progress }));
        patch(key, { progress: 1, asset });
        onUploaded?.(asset);
        await queryClient.invalidateQueries({ queryKey: ['media'] });
      } catch (error) {
        patch(key, { error: error instanceof Error ? error : new Error(String(error)) });
      }
    },
    [patch, queryClient, onUploaded],
  );
  const add = useCallback((files: readonly File[]) => Promise.all(files.map(upload)), [upload]);
  return { uploads, add };
};
